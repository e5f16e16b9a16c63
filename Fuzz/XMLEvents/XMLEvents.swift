import CredenceSheets
import Foundation

/// What `XMLScanner` reads from each file named, one JSON line a file, for
/// scripts/xml_differential.py to hold against Python's expat: `{"file", "ok", "events"}`,
/// each event `["start", name, {attributes}]`, `["end", name]` or `["text", text]` (adjacent
/// text joined). `--skip-first-byte` reads a FuzzXLSX corpus file's XML past its mode byte.
@main enum XMLEvents {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let skip = arguments.first == "--skip-first-byte"
        if skip { arguments.removeFirst() }
        for path in arguments {
            guard var bytes = FileManager.default.contents(atPath: path).map([UInt8].init) else { continue }
            if skip { bytes = Array(bytes.dropFirst()) }
            var events: [[Any]] = []
            var ok = true
            do {
                try XMLScanner.scan(bytes) { event in
                    switch event {
                    case .start(let name, let attributes): events.append(["start", name, attributes])
                    case .end(let name): events.append(["end", name])
                    case .text(let text):
                        if var last = events.last, last.first as? String == "text", let previous = last[1] as? String {
                            last[1] = previous + text
                            events[events.count - 1] = last
                        } else {
                            events.append(["text", text])
                        }
                    }
                }
            } catch {
                ok = false
            }
            let line = try JSONSerialization.data(withJSONObject: ["file": path, "ok": ok, "events": ok ? events : []], options: [.sortedKeys])
            FileHandle.standardOutput.write(line + Data("\n".utf8))
        }
    }
}
