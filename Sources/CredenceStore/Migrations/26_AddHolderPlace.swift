import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 31, the holder's own place: the holder's address (sealed, and masked), the basis
/// of consent, why the holder ended a request, the holder's public-check settings; each
/// consent its own row; the holder's links (only their SHA-256); and a sealed recipient on
/// the outbox for mail to someone who is not an account (cleared once sent).
struct AddHolderPlace: AsyncMigration {
    var name: String { "2026-12-04-add-holder-place" }

    static let columns: [(String, DatabaseSchema.DataType)] = [
        ("holder_email_sealed", .string), ("holder_email_masked", .string), ("consent_basis", .string), ("consented_at", .datetime),
        ("withdrawal_reason", .string), ("public_check_off", .bool), ("public_check_days", .int),
    ]

    func prepare(on database: any Database) async throws {
        for (name, type) in Self.columns {
            try await database.schema(VerificationRequestRecord.schema).field(.string(name), type).update()
        }
        try await database.schema(OutboxRecord.schema).field("recipient_sealed", .string).update()
        try await database.schema(HolderConsentRow.schema)
            .id()
            .field("request_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("at", .datetime, .required)
            .field("address", .string, .required)
            .field("text_version", .string, .required)
            .field("language", .string, .required)
            .create()
        try await database.sql.raw("CREATE INDEX holder_consents_request ON holder_consents (request_id)").run()
        try await database.schema(HolderLinkRecord.schema)
            .field("token_hash", .string, .identifier(auto: false))
            .field("request_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used", .string, .required)
            .create()
        try await database.sql.raw("CREATE INDEX holder_links_request ON holder_links (request_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(HolderLinkRecord.schema).delete()
        try await database.schema(HolderConsentRow.schema).delete()
        try await database.schema(OutboxRecord.schema).deleteField("recipient_sealed").update()
        for (name, _) in Self.columns.reversed() {
            try await database.schema(VerificationRequestRecord.schema).deleteField(.string(name)).update()
        }
    }
}
