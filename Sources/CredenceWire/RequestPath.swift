import CredenceCore
import Foundation

/// A request's path in its one form, made before anything routes or decides on it (issue
/// 42): the router folds empty segments (`/api//v1/x` reaches `/api/v1/x`), so every rule
/// that looks at the path — external mode, the holder's headers, metrics, the area — must
/// see the same folded path, or a rule can be walked around. Empty segments and `.` go, `..`
/// removes the segment before it (RFC 3986 §5.2.4; never above the root), a percent-encoded
/// dot is a dot; a percent-encoded slash or backslash (which would be one segment to the
/// router and two to a proxy) is refused, as is a path that does not start with `/`.
public enum RequestPath {
    /// Longer paths are refused (400).
    public static let maxBytes = 8 * 1024

    /// The path in its one form; the same string when it already is.
    public static func normalised(_ path: Substring) throws(MalformedBody) -> Substring {
        guard path.utf8.count <= maxBytes, path.first == "/" else { throw refused }
        if !needsWork(path) { return path }
        var segments: [Substring] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
            let segment = raw.contains("%") ? Substring(decodingDots(raw)) : raw
            if segment.contains("%") {
                let lower = segment.lowercased()
                if lower.contains("%2f") || lower.contains("%5c") { throw refused }
            }
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        let trailing = path.count > 1 && path.hasSuffix("/") && !segments.isEmpty
        return Substring("/" + segments.joined(separator: "/") + (trailing ? "/" : ""))
    }

    /// Whether anything could change: `//`, a dot segment, or a percent sign.
    private static func needsWork(_ path: Substring) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == 0x25 { return true }  // %
            if byte == 0x2F && (previous == 0x2F || previous == 0x2E) { return true }  // "//", "./"
            previous = byte
        }
        return previous == 0x2E  // ends in "."
            || path.hasSuffix("/.") || path.hasSuffix("/..")
    }

    private static func decodingDots(_ segment: Substring) -> String {
        segment.replacingOccurrences(of: "%2E", with: ".").replacingOccurrences(of: "%2e", with: ".")
    }

    static let refused = MalformedBody(code: "bad_path", message: BilingualText(
        zh: "请求路径无效：须以 / 开头、不超过 8 KiB，且不能含编码的斜杠（%2F、%5C）。",
        en: "The request path cannot be read: it must start with /, be at most 8 KiB, and hold no encoded slash (%2F, %5C)."))
}
