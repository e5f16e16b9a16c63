import Foundation

/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (digits
/// and capitals without I, O, Z, S, V), the last a check character over the first 17.
public struct UnifiedSocialCreditCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// 3^i mod 31, for positions 1…17.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Reads a code as typed: spaces around it are ignored and letters may be lower case.
    /// Nil unless it has 18 characters of the alphabet and the right check character.
    public init?(_ text: String) {
        let code = Array(text.trimmingCharacters(in: .whitespaces).uppercased())
        guard code.count == 18 else { return nil }
        var values: [Int] = []
        for character in code {
            guard let index = Self.alphabet.firstIndex(of: character) else { return nil }
            values.append(index)
        }
        guard values[17] == Self.checkValue(values.prefix(17)) else { return nil }
        value = String(code)
    }

    /// The check character's value for the first 17: 31 − (Σ value × weight mod 31), 31 → 0.
    static func checkValue(_ values: ArraySlice<Int>) -> Int {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 31 - sum % 31
        return check == 31 ? 0 : check
    }

    /// The check character for 17 characters of the alphabet (for making test codes).
    public static func checkCharacter(for first17: String) -> Character? {
        let values = first17.compactMap { alphabet.firstIndex(of: $0) }
        guard values.count == 17, first17.count == 17 else { return nil }
        return alphabet[checkValue(values[...])]
    }

    public var description: String { value }
}
