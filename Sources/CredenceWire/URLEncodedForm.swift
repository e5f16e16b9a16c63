import Foundation

/// `application/x-www-form-urlencoded` (WHATWG URL, §5): `name=value` pairs joined by `&`,
/// `+` for a space, percent-encoded bytes; a pair that does not decode as UTF-8 is read as
/// empty. Bounded: at most `maxPairs` pairs are read (the body itself is at most 64 KiB).
public enum URLEncodedForm {
    public static let maxPairs = 1_000

    public static func pairs(_ query: String) -> [(String, String)] {
        query.split(separator: "&", maxSplits: maxPairs, omittingEmptySubsequences: true).prefix(maxPairs).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring?) -> String {
                String(part ?? "").replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            return (decode(parts.first), decode(parts.count > 1 ? parts[1] : nil))
        }
    }
}
