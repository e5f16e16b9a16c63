import Foundation
#if FUZZING
import FuzzDriver
#endif

/// What every fuzz target shares. Built with `-sanitize=fuzzer -DFUZZING` (scripts/fuzz-parsers.sh)
/// a target is a libFuzzer binary; built plainly (as `swift build` does) it replays the files
/// and folders it is given through the same function, so a crash file can be run again by hand.
public enum Replay {
    public static func main(_ body: ([UInt8]) -> Void) {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: \(CommandLine.arguments[0]) FILE-OR-FOLDER…\n".utf8))
            exit(2)
        }
        var count = 0
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            let files = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 } : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                body([UInt8](data))
                count += 1
            }
        }
        print("replayed \(count) inputs")
    }

    #if FUZZING
    /// Hands the process to libFuzzer with `body` as the target (`LLVMFuzzerRunDriver`).
    public static func fuzz(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, body))
    }
    #endif

    /// A failed invariant: stops the process, which libFuzzer reports as a crash with its input.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError(message()) }
    }
}
