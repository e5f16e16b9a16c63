import Foundation

/// Base58 with the Bitcoin alphabet, as multibase's `z` prefix uses it (did:key, Multikey,
/// Data Integrity proof values).
public enum Base58 {
    static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    static let values: [UInt8: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        let zeros = bytes.prefix { $0 == 0 }.count
        var digits: [Int] = []  // base 58, least significant first
        for byte in bytes.dropFirst(zeros) {
            var carry = Int(byte)
            for i in digits.indices {
                carry += digits[i] << 8
                digits[i] = carry % 58
                carry /= 58
            }
            while carry > 0 { digits.append(carry % 58); carry /= 58 }
        }
        return String(decoding: Array(repeating: alphabet[0], count: zeros) + digits.reversed().map { alphabet[$0] }, as: UTF8.self)
    }

    /// The bytes, or nil when `text` has a character outside the alphabet.
    public static func decode(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        let zeros = characters.prefix { $0 == alphabet[0] }.count
        var bytes: [Int] = []  // base 256, least significant first
        for character in characters.dropFirst(zeros) {
            guard var carry = values[character] else { return nil }
            for i in bytes.indices {
                carry += bytes[i] * 58
                bytes[i] = carry & 0xFF
                carry >>= 8
            }
            while carry > 0 { bytes.append(carry & 0xFF); carry >>= 8 }
        }
        return Array(repeating: 0, count: zeros) + bytes.reversed().map(UInt8.init)
    }
}
