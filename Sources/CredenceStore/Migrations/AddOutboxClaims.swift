import FluentKit
import SQLKit

/// Issue 16: outbox messages are leased by the instance sending them (`OutboxClaim`).
struct AddOutboxClaims: AsyncMigration {
    var name: String { "2026-12-01-add-outbox-claims" }

    func prepare(on database: any Database) async throws {
        try await database.schema("webhook_outbox").field("claimed_until", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("webhook_outbox").deleteField("claimed_until").update()
    }
}

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

/// Issue 16: catalog alerts as the dashboard shows them.
struct AddCatalogAlerts: AsyncMigration {
    var name: String { "2026-12-01-add-catalog-alerts" }

    func prepare(on database: any Database) async throws {
        // The outbox's columns, so one insert serves all three.
        try await database.schema(CatalogAlertRecord.schema)
            .id()
            .field("employer_id", .uuid, .required)
            .field("payload", .string, .required)
            .field("created_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .create()
        try await database.sql.raw("CREATE INDEX catalog_alerts_employer ON catalog_alerts (employer_id, created_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CatalogAlertRecord.schema).delete()
    }
}
