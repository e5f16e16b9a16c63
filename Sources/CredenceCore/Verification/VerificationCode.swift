/// The code anyone can check an authentic result by: `TJ-XXXXX-XXXXX`, ten characters from
/// an alphabet without look-alikes (no 0/O, 1/I/L): 31^10, about 50 bits.
public enum VerificationCode {
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// A new code from `generator` (the system's by default).
    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let characters = (0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return "TJ-" + String(characters[0..<5]) + "-" + String(characters[5...])
    }

    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(using: &generator)
    }
}

extension VerificationCode {
    /// The longest text read as a code: anything longer is not one, and is not looked at further.
    public static let maxTypedLength = 64

    /// A code as people type or paste it, in its one written form (`TJ-XXXXX-XXXXX`), or nil
    /// when it cannot be one: spaces anywhere, lower case, full-width letters and digits
    /// (ＴＪ－…), hyphens missing, doubled or as dashes (‐ ‑ – —) are all read.
    public static func parse(_ typed: String) -> String? {
        guard typed.utf8.count <= maxTypedLength * 3 else { return nil }
        var characters: [Character] = []
        for scalar in typed.unicodeScalars {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }  // full-width ASCII
            guard let plain = Unicode.Scalar(value) else { return nil }
            if plain.properties.isWhitespace || "-‐‑‒–—－".unicodeScalars.contains(plain) { continue }
            guard plain.isASCII else { return nil }
            characters.append(Character(plain).uppercased().first ?? Character(plain))
            guard characters.count <= 12 else { return nil }
        }
        guard characters.count == 12, characters.prefix(2) == ["T", "J"], characters.dropFirst(2).allSatisfy(alphabet.contains) else { return nil }
        return "TJ-" + String(characters[2..<7]) + "-" + String(characters[7...])
    }
}
