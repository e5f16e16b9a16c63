import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Webhook messages stop being retried after `Webhooks.maxAttempts`: they were retried
/// for ever, and one employer's dead receiver held the delivery loop.
struct AddWebhookGiveUp: AsyncMigration {
    var name: String { "2026-12-01-add-webhook-give-up" }

    func prepare(on database: any Database) async throws {
        try await database.schema("webhook_outbox").field("given_up_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("webhook_outbox").deleteField("given_up_at").update()
    }
}
