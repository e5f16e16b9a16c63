import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 17: who works on a request.
struct AddAssignees: AsyncMigration {
    var name: String { "2026-12-01-add-assignees" }

    func prepare(on database: any Database) async throws {
        try await database.schema(VerificationRequestRecord.schema).field("assignee_id", .uuid).update()
        try await database.sql.raw("CREATE INDEX verification_requests_assignee ON verification_requests (assignee_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX verification_requests_assignee").run()
        try await database.schema(VerificationRequestRecord.schema).deleteField("assignee_id").update()
    }
}
