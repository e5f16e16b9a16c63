import CredenceCLI
import Foundation
#if canImport(Glibc)
import Glibc

// Answers of 64–128 kB (a benefits answer) were mapped and unmapped by glibc on every
// request — its default threshold is 128 kB — and paid a page fault for each 4 kB page they
// touched: a tenth of a benefits request (perf, issue 35). From the heap, they are reused.
// `mallopt` is in <malloc.h>, which the Glibc module does not bring, so it is looked up.
if let symbol = dlsym(nil, "mallopt") {
    let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
    _ = mallopt(-3, 4 << 20)  // M_MMAP_THRESHOLD
    _ = mallopt(-1, 32 << 20)  // M_TRIM_THRESHOLD
}
#endif

CredenceCommand.bootstrapLogging()
exit(await CredenceCommand.run(Array(CommandLine.arguments.dropFirst())))
