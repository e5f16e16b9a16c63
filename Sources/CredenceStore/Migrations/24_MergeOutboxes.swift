import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 36: one outbox. `webhook_outbox` and `mail_outbox` had the same columns; their
/// rows (pending, leased, delivered, given up — every one, with its attempts and lease)
/// move into `outbox` with their channel, in the migration's transaction, and the two
/// tables go.
struct MergeOutboxes: AsyncMigration {
    var name: String { "2026-12-04-merge-outboxes" }

    static let columns = "id, employer_id, payload, created_at, attempts, next_attempt_at, delivered_at, last_error, given_up_at, claimed_until"
    static let tables: [(table: String, channel: OutboxChannel)] = [("webhook_outbox", .webhook), ("mail_outbox", .mail)]

    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            try await Self.outboxColumns(db.schema(OutboxRecord.schema).id().field("channel", .string, .required)).create()
            let sql = db.sql
            for (table, channel) in Self.tables {
                try await sql.raw("""
                    INSERT INTO outbox (channel, \(unsafeRaw: Self.columns))
                    SELECT \(bind: channel.rawValue), \(unsafeRaw: Self.columns) FROM \(ident: table)
                    """).run()
                try await db.schema(table).delete()
            }
            try await sql.raw("CREATE INDEX outbox_due ON outbox (channel, delivered_at, next_attempt_at)").run()
            try await sql.raw("CREATE INDEX outbox_employer ON outbox (employer_id)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.transaction { db in
            for (table, channel) in Self.tables {
                try await Self.outboxColumns(db.schema(table).id()).create()
                try await db.sql.raw("""
                    INSERT INTO \(ident: table) (\(unsafeRaw: Self.columns))
                    SELECT \(unsafeRaw: Self.columns) FROM outbox WHERE channel = \(bind: channel.rawValue)
                    """).run()
            }
            try await db.schema(OutboxRecord.schema).delete()
        }
    }

    private static func outboxColumns(_ schema: SchemaBuilder) -> SchemaBuilder {
        schema
            .field("employer_id", .uuid, .required)
            .field("payload", .string, .required)
            .field("created_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("delivered_at", .datetime)
            .field("last_error", .string)
            .field("given_up_at", .datetime)
            .field("claimed_until", .datetime)
    }
}
