import FluentKit
import Foundation
import SQLKit

/// Taking due messages from an outbox so that, with several instances on one PostgreSQL,
/// each message is sent by exactly one of them: the due rows are locked with
/// `FOR UPDATE SKIP LOCKED` (another instance's pass skips them instead of waiting) and
/// leased in the same statement (`claimed_until`); the lease is cleared when the message
/// is marked delivered or failed. A message is only tried again by another instance if its
/// sender died mid-send and the lease ran out. SQLite has one writer: the statement alone
/// serializes passes.
enum OutboxClaim {
    static let lease: TimeInterval = 60

    /// The ids of up to `limit` due messages of `table`, oldest first, now leased to the caller.
    static func claim(_ table: String, on database: any Database, now: Date, limit: Int) async throws -> [UUID] {
        let sql = database.sql
        let lock = sql.dialect.name == "postgresql" ? "FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw("""
            UPDATE \(ident: table) SET claimed_until = \(bind: now.addingTimeInterval(lease)) WHERE id IN (
              SELECT id FROM \(ident: table) WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= \(bind: now)
              AND (claimed_until IS NULL OR claimed_until < \(bind: now))
              ORDER BY created_at LIMIT \(literal: limit) \(unsafeRaw: lock)) RETURNING id
            """).all()
        return try rows.map { try $0.decode(column: "id", as: UUID.self) }
    }
}

/// Messages into an outbox (webhooks' or mail's): one statement for any number.
enum OutboxInsert {
    static func insert(_ messages: [(employer: UUID, payload: String, at: Date)], into table: String, on db: any Database) async throws {
        guard !messages.isEmpty else { return }
        let insert = db.sql.insert(into: table).columns("id", "employer_id", "payload", "created_at", "attempts", "next_attempt_at")
        for message in messages {
            insert.values([SQLBind(UUID()), SQLBind(message.employer), SQLBind(message.payload), SQLBind(message.at), SQLBind(0), SQLBind(message.at)])
        }
        try await insert.run()
    }
}
