import Crypto
import Foundation

/// Random secrets for cookies and tokens, and how they are stored: only their SHA-256, so
/// a copy of the database cannot be used to sign in.
public enum SecretToken {
    /// 256 random bits, URL-safe base64 without padding (43 characters).
    public static func make() -> String {
        let key = SymmetricKey(size: .bits256)
        return key.withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Compares secrets without the time telling how many leading characters matched.
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Lower-case hex SHA-256.
    public static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).hex
    }
}
