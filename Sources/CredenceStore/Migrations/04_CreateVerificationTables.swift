import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Verification requests, their events and attachments, the issuing bodies (seeded from the
/// shipped registry), webhooks and their outbox.
struct CreateVerificationTables: AsyncMigration {
    var name: String { "2026-11-29-create-verification-tables" }

    func prepare(on database: any Database) async throws {
        try await database.schema(VerificationRequestRecord.schema)
            .id()
            .field("employer_id", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("entry_id", .string, .required)
            .field("edition_id", .string, .required)
            .field("issuing_body_id", .string, .required)
            .field("holder_name", .string, .required)
            .field("holder_nationality", .string, .required)
            .field("holder_date_of_birth", .string)
            .field("passport_sealed", .string)
            .field("passport_masked", .string)
            .field("certificate_number", .string, .required)
            .field("issued_on", .string)
            .field("expires_on", .string)
            .field("note", .string)
            .field("status", .string, .required)
            .field("estimated_completion_on", .string)
            .field("rejection_reason", .string)
            .field("outcome", .string)
            .field("completed_at", .datetime)
            .field("verification_code", .string)
            .field("receipt", .string)
            .field("receipt_signature", .string)
            .field("receipt_key_id", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "verification_code")
            .create()
        try await database.schema(VerificationEventRecord.schema)
            .id()
            .field("request_id", .uuid, .required, .references(VerificationRequestRecord.schema, "id"))
            .field("action", .string, .required)
            .field("from_status", .string)
            .field("to_status", .string, .required)
            .field("actor_id", .uuid, .required)
            .field("actor_role", .string, .required)
            .field("at", .datetime, .required)
            .field("note", .string)
            .create()
        try await database.schema(AttachmentRecord.schema)
            .id()
            .field("request_id", .uuid, .required, .references(VerificationRequestRecord.schema, "id"))
            .field("file_name", .string, .required)
            .field("kind", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("bytes", .data, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(IssuingBodyRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("document", .string, .required)
            .create()
        try await database.schema(WebhookRecord.schema)
            .field("id", .uuid, .identifier(auto: false), .references(UserRecord.schema, "id"))
            .field("url", .string, .required)
            .field("secret", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("webhook_outbox")
            .id()
            .field("employer_id", .uuid, .required)
            .field("payload", .string, .required)
            .field("created_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("delivered_at", .datetime)
            .field("last_error", .string)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX verification_requests_employer ON verification_requests (employer_id, created_at)").run()
            try await sql.raw("CREATE INDEX verification_requests_status ON verification_requests (status, created_at)").run()
            try await sql.raw("CREATE INDEX verification_events_request ON verification_events (request_id, at)").run()
            try await sql.raw("CREATE INDEX attachments_request ON attachments (request_id)").run()
            try await sql.raw("CREATE INDEX webhook_outbox_due ON webhook_outbox (delivered_at, next_attempt_at)").run()
        }
        for body in try BundledData.issuingBodies() {
            let record = IssuingBodyRecord()
            record.id = body.id
            record.document = String(decoding: try CanonicalJSON.data(body), as: UTF8.self)
            try await record.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        for schema in ["webhook_outbox", WebhookRecord.schema, IssuingBodyRecord.schema, AttachmentRecord.schema,
                       VerificationEventRecord.schema, VerificationRequestRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
