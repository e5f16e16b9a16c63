import FluentKit
import Foundation
import SQLKit

/// The one outbox: every message Credence owes someone (a webhook delivery, an email),
/// written in the same transaction as what it reports, claimed by one instance, retried by
/// one rule. Each channel's sender (`WebhookDelivery`, `MailDelivery`) sits behind it.
enum OutboxChannel: String, Sendable {
    case webhook
    case mail
}

/// One channel's messages: claim, mark delivered, record a failure, count what waits.
struct Outbox: Sendable {
    let database: any Database
    let channel: OutboxChannel
    let now: @Sendable () -> Date

    /// Tries before a message is given up (2 s doubling to an hour apart: about six hours).
    static let maxAttempts = 16

    /// When a message that failed `attempts` times is tried again: 2, 4, 8 … seconds, at
    /// most an hour apart.
    static func retryDelay(afterAttempts attempts: Int) -> TimeInterval {
        min(3600, pow(2, Double(min(attempts, 12))))
    }

    /// Messages due now, claimed for this instance, oldest first.
    func claim(limit: Int) async throws -> [OutboxRecord] {
        let ids = try await OutboxClaim.claim(channel, on: database, now: now(), limit: limit)
        guard !ids.isEmpty else { return [] }
        return try await OutboxRecord.query(on: database).filter(\.$id ~~ ids).sort(\.$createdAt).all()
    }

    func release(_ ids: [UUID]) async throws {
        guard !ids.isEmpty else { return }
        try await OutboxRecord.query(on: database).filter(\.$id ~~ ids).set(\.$claimedUntil, to: nil).update()
    }

    func delivered(_ id: UUID) async throws {
        try await OutboxRecord.query(on: database).filter(\.$id == id).set(\.$deliveredAt, to: now()).set(\.$claimedUntil, to: nil)
            .set(\.$recipientSealed, to: nil).update()
    }

    /// The one retry rule: a failure is counted and tried again after `retryDelay`; a
    /// permanent refusal, or the `maxAttempts`-th failure, gives the message up. Returns the
    /// failed message, or nil if there is none.
    @discardableResult
    func failed(_ id: UUID, error: String, permanent: Bool) async throws -> OutboxRecord? {
        guard let record = try await OutboxRecord.find(id, on: database) else { return nil }
        record.attempts += 1
        record.lastError = String(error.prefix(500))
        record.claimedUntil = nil
        if permanent || record.attempts >= Self.maxAttempts {
            record.givenUpAt = now()
        } else {
            record.nextAttemptAt = now().addingTimeInterval(Self.retryDelay(afterAttempts: record.attempts))
        }
        try await record.save(on: database)
        return record
    }

    /// This channel's messages still to be sent (not given up).
    func pending() async throws -> Int {
        try await waiting().count()
    }

    /// This channel's messages not delivered and not given up.
    func waiting() -> QueryBuilder<OutboxRecord> {
        OutboxRecord.query(on: database).filter(\.$channel == channel.rawValue).filter(\.$deliveredAt == nil).filter(\.$givenUpAt == nil)
    }
}

/// Taking due messages from the outbox so that, with several instances on one PostgreSQL,
/// each message is sent by exactly one of them: the due rows are locked with
/// `FOR UPDATE SKIP LOCKED` (another instance's pass skips them instead of waiting) and
/// leased in the same statement (`claimed_until`); the lease is cleared when the message
/// is marked delivered or failed. A message is only tried again by another instance if its
/// sender died mid-send and the lease ran out. SQLite has one writer: the statement alone
/// serializes passes.
enum OutboxClaim {
    static let lease: TimeInterval = 60

    /// The ids of up to `limit` due messages of `channel`, oldest first, now leased to the caller.
    static func claim(_ channel: OutboxChannel, on database: any Database, now: Date, limit: Int) async throws -> [UUID] {
        let sql = database.sql
        let lock = sql.dialect.name == "postgresql" ? "FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw("""
            UPDATE outbox SET claimed_until = \(bind: now.addingTimeInterval(lease)) WHERE id IN (
              SELECT id FROM outbox WHERE channel = \(bind: channel.rawValue) AND delivered_at IS NULL AND given_up_at IS NULL
              AND next_attempt_at <= \(bind: now) AND (claimed_until IS NULL OR claimed_until < \(bind: now))
              ORDER BY created_at LIMIT \(literal: limit) \(unsafeRaw: lock)) RETURNING id
            """).all()
        return try rows.map { try $0.decode(column: "id", as: UUID.self) }
    }
}

/// Messages into the outbox (or the dashboard's copy of alerts, which has its columns):
/// one statement for any number.
enum OutboxInsert {
    typealias Message = (employer: UUID, payload: String, at: Date)

    static func insert(_ messages: [Message], channel: OutboxChannel, on db: any Database) async throws {
        try await insert(messages, into: OutboxRecord.schema, channel: channel, on: db)
    }

    static func insert(_ messages: [Message], into table: String, channel: OutboxChannel? = nil, on db: any Database) async throws {
        guard !messages.isEmpty else { return }
        let columns = ["id", "employer_id", "payload", "created_at", "attempts", "next_attempt_at"] + (channel == nil ? [] : ["channel"])
        let insert = db.sql.insert(into: table).columns(columns)
        for message in messages {
            let values = [SQLBind(UUID()), SQLBind(message.employer), SQLBind(message.payload), SQLBind(message.at), SQLBind(0), SQLBind(message.at)]
            insert.values(values + (channel.map { [SQLBind($0.rawValue)] } ?? []))
        }
        try await insert.run()
    }
}
