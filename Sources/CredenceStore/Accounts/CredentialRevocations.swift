import FluentKit
import SQLKit

/// How a revocation reaches every process's `CredentialCache`.
extension Accounts {
    /// Runs a revocation — anything that ends a credential or changes what a kept one
    /// says — in one transaction that also counts it; then forgets every credential kept
    /// here, and returns only when every other process still trusting its cache has read
    /// the count since (`CredentialCache.window`).
    func revoking<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let result = try await database.transaction { db in
            let result = try await body(db)
            try await db.sql.raw("UPDATE credential_revocations SET revocations = revocations + 1 WHERE id = 1").run()
            return result
        }
        credentials.forgetAll()
        try? await Task.sleep(for: CredentialCache.window)
        return result
    }

    /// Reads the count every `CredentialCache.pollInterval` until cancelled; the cache is
    /// trusted only while these reads succeed (a serving process runs this).
    public func watchRevocations() async {
        while !Task.isCancelled {
            let began = credentials.instant()
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
