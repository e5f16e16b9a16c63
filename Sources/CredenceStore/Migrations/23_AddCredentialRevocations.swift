import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// The count of credential revocations, one row: every sign-out, revoked token, changed
/// password, disabled account and role change adds one, and every serving process watches it
/// to forget the credentials it keeps (`CredentialCache`).
struct AddCredentialRevocations: AsyncMigration {
    var name: String { "2026-12-02-add-credential-revocations" }

    func prepare(on database: any Database) async throws {
        try await database.sql.raw("CREATE TABLE credential_revocations (id INTEGER PRIMARY KEY, revocations BIGINT NOT NULL)").run()
        try await database.sql.raw("INSERT INTO credential_revocations (id, revocations) VALUES (1, 0)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE credential_revocations").run()
    }
}
