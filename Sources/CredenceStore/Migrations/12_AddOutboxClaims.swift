import CredenceCore
import FluentKit
import Foundation
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
