import FluentKit
import SQLKit

/// An employer's list in its whole order (employer, created_at, id): the index before ended at
/// created_at, so every list sorted its page again by id, on both databases (issue 45; the
/// PostgreSQL plan showed the sort above the index scan).
struct AddEmployerListOrder: AsyncMigration {
    var name: String { "2026-12-06-add-employer-list-order" }

    func prepare(on database: any Database) async throws {
        try await database.sql.raw("CREATE INDEX verification_requests_employer_order ON verification_requests (employer_id, created_at, id)").run()
        try await database.sql.raw("DROP INDEX verification_requests_employer").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("CREATE INDEX verification_requests_employer ON verification_requests (employer_id, created_at)").run()
        try await database.sql.raw("DROP INDEX verification_requests_employer_order").run()
    }
}
