import CredenceCore
import FluentKit
import Foundation

/// TOTP secrets at rest: sealed with the personal-data key (AES-256-GCM), so a copy of the
/// database file alone does not give anyone a second factor. Stored as `sealed:<base64>`;
/// a secret stored in clear by an earlier version is sealed when the store opens.
enum TOTPSecretSeal {
    static let prefix = "sealed:"

    static func seal(_ totp: TOTP, with sealer: DataSealer) throws -> String {
        prefix + (try sealer.seal(totp.base32))
    }

    static func open(_ stored: String, with sealer: DataSealer) throws -> TOTP? {
        guard stored.hasPrefix(prefix) else { return TOTP(base32: stored) }
        return TOTP(base32: try sealer.open(String(stored.dropFirst(prefix.count))))
    }

    /// Seals every secret still stored in clear.
    static func sealLegacySecrets(on database: any Database, with sealer: DataSealer) async throws {
        let clear = try await UserRecord.query(on: database).filter(\.$totpSecret != nil).all()
            .filter { $0.totpSecret?.hasPrefix(prefix) == false }
        for record in clear {
            guard let secret = record.totpSecret.flatMap(TOTP.init(base32:)) else { continue }
            record.totpSecret = try seal(secret, with: sealer)
            try await record.save(on: database)
        }
    }
}
