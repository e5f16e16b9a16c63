/// Personal data shown to those who need less than all of it.
public enum Masking {
    /// Each word keeps its first character: "Wang Fang" → "W*** F***", "王芳" → "王*".
    public static func name(_ name: String) -> String {
        name.split(separator: " ").map { word in
            guard let first = word.first else { return "" }
            return String(first) + String(repeating: "*", count: max(1, word.count - 1))
        }.joined(separator: " ")
    }

    /// The first and last two characters: "E12345678" → "E1*****78".
    public static func document(_ number: String) -> String {
        guard number.count > 4 else { return String(repeating: "*", count: number.count) }
        return String(number.prefix(2)) + String(repeating: "*", count: number.count - 4) + String(number.suffix(2))
    }

    /// The first character of the mailbox and the whole domain: "ana.souza@example.com" → "a********@example.com".
    public static func email(_ address: String) -> String {
        guard let at = address.firstIndex(of: "@") else { return document(address) }
        let box = address[..<at]
        return String(box.prefix(1)) + String(repeating: "*", count: max(1, box.count - 1)) + String(address[at...])
    }
}
