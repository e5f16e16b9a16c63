import FluentKit

/// Issue 16: outbox messages are leased by the instance sending them (`OutboxClaim`).
struct AddOutboxClaims: AsyncMigration {
    var name: String { "2026-12-01-add-outbox-claims" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxRecord.schema).field("claimed_until", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxRecord.schema).deleteField("claimed_until").update()
    }
}
