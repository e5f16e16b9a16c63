import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 15: the signing keys results are issued with (every key ever used stays), and on
/// each request its credential, its place in a revocation list and its revocation.
struct AddVerifiableCredentials: AsyncMigration {
    var name: String { "2026-12-01-add-verifiable-credentials" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SigningKeyRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("private_key_sealed", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        // One column per statement: SQLite adds one at a time.
        for (column, type) in [("credential", DatabaseSchema.DataType.string), ("status_list", .int), ("status_index", .int),
                               ("revoked_at", .datetime), ("revocation_reason", .string), ("revocation_note", .string)] {
            try await database.schema(VerificationRequestRecord.schema).field(.string(column), type).update()
        }
        // Two requests can never share a bit of a list.
        try await database.sql.raw("""
            CREATE UNIQUE INDEX verification_requests_status_slot ON verification_requests (status_list, status_index)
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX verification_requests_status_slot").run()
        for column in ["revocation_note", "revocation_reason", "revoked_at", "status_index", "status_list", "credential"] {
            try await database.schema(VerificationRequestRecord.schema).deleteField(.string(column)).update()
        }
        try await database.schema(SigningKeyRecord.schema).delete()
    }
}
