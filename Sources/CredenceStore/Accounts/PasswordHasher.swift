import Crypto
import Foundation
import HummingbirdBcrypt
import NIOPosix

/// bcrypt at cost 12, off the event loops (one hash takes about a quarter of a second).
/// The password is first reduced to base64(SHA-256), so every character of a long
/// passphrase counts (bcrypt reads only 72 bytes) and no NUL byte can cut it short.
enum PasswordHasher {
    static let cost: UInt8 = 12

    static func hash(_ password: String) async throws -> String {
        let input = prehash(password)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(input, cost: cost) }
    }

    static func verify(_ password: String, hash: String) async throws -> Bool {
        let input = prehash(password)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(input, hash: hash) }
    }

    /// Checked against when the email is unknown, so that answer takes as long as a wrong
    /// password and the time does not tell which emails have accounts.
    static let decoy: String = Bcrypt.hash(prehash("no account has this password"), cost: cost)

    private static func prehash(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }
}

