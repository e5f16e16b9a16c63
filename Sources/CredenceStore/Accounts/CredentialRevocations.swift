import FluentKit
import SQLKit

/// How a revocation reaches every process's `CredentialCache`.
extension Accounts {
    /// Counts a revocation, in the transaction that makes it.
    static func countRevocation(on db: any Database) async throws {
        try await db.sql.raw("UPDATE credential_revocations SET revocations = revocations + 1 WHERE id = 1").run()
    }

    /// After a revocation has committed: forgotten here at once, and this returns when every
    /// other process that still trusts its cache has read the count since.
    func revoked() async {
        credentials.forgetAll()
        try? await Task.sleep(for: CredentialCache.window)
    }

    /// Reads the count every `CredentialCache.pollInterval` until cancelled; the cache is
    /// trusted only while these reads succeed (a serving process runs this).
    public func watchRevocations() async {
        while !Task.isCancelled {
            let began = credentials.now()
            do {
                guard let row = try await reader.sql.raw("SELECT revocations FROM credential_revocations WHERE id = 1").first() else {
                    throw StoreDataError(table: "credential_revocations", row: "1", problem: "missing")
                }
                credentials.observe(revocations: try row.decode(column: "revocations", as: Int64.self), readBegan: began)
            } catch {
                credentials.lost()
            }
            try? await Task.sleep(for: CredentialCache.pollInterval)
        }
    }
}
