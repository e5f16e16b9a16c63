import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), the
/// second factor of officers and administrators. A code is accepted one step either side of
/// now, and never twice: the step it was accepted at is remembered.
public struct TOTP: Sendable {
    public let secret: [UInt8]
    public static let step: Double = 30
    public static let digits = 6

    public init(secret: [UInt8]) {
        self.secret = secret
    }

    /// A new random 160-bit secret (RFC 4226's recommended length).
    public static func generate() -> TOTP {
        var generator = SystemRandomNumberGenerator()
        return TOTP(secret: (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    public init?(base32 text: String) {
        guard let secret = Base32.decode(text) else { return nil }
        self.init(secret: secret)
    }

    public var base32: String { Base32.encode(secret) }

    /// The otpauth URI authenticator apps read (typed in or turned into a QR code elsewhere).
    public func uri(account: String, issuer: String = "Credence") -> String {
        let label = "\(issuer):\(account)".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", ":"])) ?? account
        return "otpauth://totp/\(label)?secret=\(base32)&issuer=\(issuer)&algorithm=SHA1&digits=\(Self.digits)&period=\(Int(Self.step))"
    }

    public static func counter(at time: Double) -> Int64 {
        Int64((time / step).rounded(.down))
    }

    /// The code for a counter value (RFC 4226 dynamic truncation).
    public func code(counter: Int64) -> String {
        var big = UInt64(bitPattern: counter).bigEndian
        let message = withUnsafeBytes(of: &big) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        let value = binary % 1_000_000
        let text = String(value)
        return String(repeating: "0", count: Self.digits - text.count) + text
    }

    public func code(at time: Double) -> String {
        code(counter: Self.counter(at: time))
    }

    /// The counter step the code matches within ±1 step of `time`, if it is later than
    /// `lastUsedStep` (a code, once accepted, cannot be replayed); nil otherwise.
    public func acceptedStep(for code: String, at time: Double, lastUsedStep: Int64?) -> Int64? {
        let typed = code.filter { !$0.isWhitespace }
        guard typed.count == Self.digits, typed.allSatisfy(\.isASCII), typed.allSatisfy(\.isNumber) else { return nil }
        let now = Self.counter(at: time)
        for candidate in [now - 1, now, now + 1] where SecretToken.constantTimeEqual(self.code(counter: candidate), typed) {
            if let lastUsedStep, candidate <= lastUsedStep { return nil }
            return candidate
        }
        return nil
    }
}

/// RFC 4648 base32, as TOTP secrets are written.
/// Kept by hand (not ExtrasBase64): the core imports Foundation and Crypto only, and this is
/// 30 lines held to RFC 6238's vectors and a round trip in AccountsRulesTests.
enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func encode(_ bytes: [UInt8]) -> String {
        var result = ""
        var buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                result.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { result.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return result
    }

    static func decode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var buffer = 0, bits = 0
        for character in text.uppercased() where character != "=" && character != " " {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((buffer >> (bits - 8)) & 0xff))
                bits -= 8
            }
            buffer &= 0xffff
        }
        return bytes.isEmpty ? nil : bytes
    }
}
