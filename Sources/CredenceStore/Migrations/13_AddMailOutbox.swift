import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 16: the mail outbox, and whether an employer wants mail.
struct AddMailOutbox: AsyncMigration {
    var name: String { "2026-12-01-add-mail-outbox" }

    func prepare(on database: any Database) async throws {
        try await database.schema("mail_outbox")
            .id()
            .field("employer_id", .uuid, .required)
            .field("payload", .string, .required)
            .field("created_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("delivered_at", .datetime)
            .field("last_error", .string)
            .field("given_up_at", .datetime)
            .field("claimed_until", .datetime)
            .create()
        try await database.sql.raw("CREATE INDEX mail_outbox_due ON mail_outbox (delivered_at, next_attempt_at)").run()
        try await database.schema(UserRecord.schema).field("email_notifications", .bool).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserRecord.schema).deleteField("email_notifications").update()
        try await database.schema("mail_outbox").delete()
    }
}
