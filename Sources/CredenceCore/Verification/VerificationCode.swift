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
