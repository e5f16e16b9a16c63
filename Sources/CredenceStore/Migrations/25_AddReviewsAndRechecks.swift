import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 33: a request's link to the request it re-checks, the day its employer was told
/// the certificate expires soon, its review (复核), and the results a review superseded —
/// each kept with its code, credential and revocation-list place, so the old credential
/// reads as revoked (`superseded`) and its code's public check says so.
struct AddReviewsAndRechecks: AsyncMigration {
    var name: String { "2026-12-04-add-reviews-and-rechecks" }

    static let columns: [(String, DatabaseSchema.DataType)] = [
        ("previous_request_id", .uuid), ("expiry_notified_at", .datetime), ("review_requested_at", .datetime),
        ("review_reason", .string), ("review_note", .string), ("review_decision", .string), ("review_decided_at", .datetime),
        ("review_decision_note", .string), ("review_outcome_reviewed", .string), ("credential_id", .uuid),
    ]

    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite's ALTER TABLE adds one at a time.
        for (name, type) in Self.columns {
            try await database.schema(VerificationRequestRecord.schema).field(.string(name), type).update()
        }
        try await database.sql.raw("CREATE INDEX verification_requests_expires ON verification_requests (expires_on)").run()
        try await database.schema(SupersededResultRecord.schema)
            .id()
            .field("request_id", .uuid, .required)
            .field("outcome", .string, .required)
            .field("completed_at", .datetime, .required)
            .field("verification_code", .string)
            .field("credential", .string)
            .field("status_list", .int)
            .field("status_index", .int)
            .field("superseded_at", .datetime, .required)
            .create()
        try await database.sql.raw("CREATE INDEX superseded_results_code ON superseded_results (verification_code)").run()
        try await database.sql.raw("CREATE INDEX superseded_results_slot ON superseded_results (status_list, status_index)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SupersededResultRecord.schema).delete()
        try await database.sql.raw("DROP INDEX verification_requests_expires").run()
        for (name, _) in Self.columns.reversed() {
            try await database.schema(VerificationRequestRecord.schema).deleteField(.string(name)).update()
        }
    }
}
