import Foundation
#if FUZZING
import FuzzDriver
#endif

/// What every fuzz target shares. Built with `-sanitize=fuzzer -DFUZZING` (scripts/fuzz-parsers.sh)
/// a target is a libFuzzer binary; built plainly (as `swift build` does) it replays the files
/// and folders it is given through the same function, so a crash file can be run again by hand.
public enum Replay {
    static func main(_ body: ([UInt8]) -> Void) {
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

    /// The target's entry: libFuzzer's driver when built with `-DFUZZING`, else a replay of
    /// the files named on the command line.
    public static func run(_ body: @escaping ([UInt8]) -> Void) -> Never {
        #if FUZZING
        target = body
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            Replay.target?(Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        })
        #else
        main(body)
        exit(0)
        #endif
    }

    /// The function libFuzzer calls, set once before the driver starts (a C callback cannot capture it).
    nonisolated(unsafe) static var target: (([UInt8]) -> Void)?

    /// A failed invariant: stops the process, which libFuzzer reports as a crash with its input.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError(message()) }
    }
}
