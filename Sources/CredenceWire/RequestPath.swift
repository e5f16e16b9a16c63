import CredenceCore
import Foundation

/// A request's path in its one form, made before anything routes or decides on it (issue
/// 42): the router folds empty segments (`/api//v1/x` reaches `/api/v1/x`), so every rule
/// that looks at the path — external mode, the holder's headers, metrics, the area — must
/// see the same folded path, or a rule can be walked around. A percent-encoded slash or dot
/// is a slash or a dot (a proxy in front may decode them, so the router must read them as
/// it would); then empty segments and `.` go, and `..` removes the segment before it (RFC
/// 3986 §5.2.4; never above the root). A path that does not start with `/`, or is longer
/// than 8 KiB, is refused.
public enum RequestPath {
    /// Longer paths are refused (400).
    public static let maxBytes = 8 * 1024

    /// The path in its one form; the same string when it already is.
    public static func normalised(_ path: Substring) throws(MalformedBody) -> Substring {
        guard path.utf8.count <= maxBytes, path.first == "/" else { throw refused }
        if !needsWork(path) { return path }
        let decoded = path.contains("%") ? Substring(decodingSlashesAndDots(path)) : path
        var segments: [Substring] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        let trailing = decoded.count > 1 && decoded.hasSuffix("/") && !segments.isEmpty
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
        return previous == 0x2E  // ends in "." (so also "/." and "/..")
    }

    private static func decodingSlashesAndDots(_ path: Substring) -> String {
        path.replacingOccurrences(of: "%2F", with: "/", options: .caseInsensitive)
            .replacingOccurrences(of: "%2E", with: ".", options: .caseInsensitive)
    }

    static let refused = MalformedBody(code: "bad_path", message: BilingualText(
        zh: "请求路径无效：须以 / 开头，且不超过 8 KiB。",
        en: "The request path cannot be read: it must start with / and be at most 8 KiB."))
}
