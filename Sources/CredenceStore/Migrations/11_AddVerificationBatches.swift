import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 16: batches of requests made from one file.
struct AddVerificationBatches: AsyncMigration {
    var name: String { "2026-12-01-add-verification-batches" }

    func prepare(on database: any Database) async throws {
        try await database.schema(VerificationBatchRecord.schema)
            .id()
            .field("employer_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("count", .int, .required)
            .create()
        try await database.sql.raw("CREATE INDEX verification_batches_employer ON verification_batches (employer_id, created_at)").run()
        try await database.schema(VerificationRequestRecord.schema).field("batch_id", .uuid).update()
        try await database.sql.raw("CREATE INDEX verification_requests_batch ON verification_requests (batch_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX verification_requests_batch").run()
        try await database.schema(VerificationRequestRecord.schema).deleteField("batch_id").update()
        try await database.schema(VerificationBatchRecord.schema).delete()
    }
}
