/// A value the person sent, quoted back in a refusal: cut to `maxCharacters` with "…", so a
/// message stays a sentence whatever was sent (a 1 MB cell once made every row's error 1 MB,
/// and a 500-row refusal 1 GB: issue 42).
public enum Echo {
    public static let maxCharacters = 40

    /// `'value'`, or `'the first 40 characters…'`.
    public static func quoted(_ value: some StringProtocol) -> String {
        "'" + cut(value) + "'"
    }

    public static func cut(_ value: some StringProtocol) -> String {
        var end = value.startIndex
        var count = 0
        while end < value.endIndex, count < maxCharacters {
            value.formIndex(after: &end)
            count += 1
        }
        return end == value.endIndex ? String(value) : String(value[..<end]) + "…"
    }
}
