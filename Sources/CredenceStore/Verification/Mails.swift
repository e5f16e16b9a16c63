import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Email to employers on every status change of their requests: a durable outbox written
/// in the same transaction as the change (like the webhooks'), claimed by one instance at
/// a time, retried with backoff on a temporary refusal, given up on a permanent one. An
/// employer may turn it off. Without SMTP configured the messages wait (administrators see
/// how many).
public struct Mails: Sendable {
    let database: any Database
    let now: @Sendable () -> Date

    /// What one message is about, with where it goes.
    public struct Due: Sendable {
        public var id: UUID
        public var to: String
        public var organizationName: String?
        /// The change (`Webhooks.Payload`'s JSON).
        public var payload: String
        public var createdAt: Date
    }

    static func enqueue(_ changes: [Transition], on db: any Database) async throws {
        try await enqueue(changes.map { (employer: $0.employerID, payload: try Webhooks.Payload.json($0), at: $0.at) }, on: db)
    }

    /// Any message for the employers that want mail.
    static func enqueue(_ messages: [(employer: UUID, payload: String, at: Date)], on db: any Database) async throws {
        guard !messages.isEmpty else { return }
        let employers = Array(Set(messages.map(\.employer)))
        let wanting = Set(try await db.sql.select().column("id").from(UserRecord.schema)
            .where("id", .in, SQLBind.group(employers))
            .where { $0.where("email_notifications", .is, SQLLiteral.null).orWhere("email_notifications", .equal, SQLLiteral.boolean(true)) }
            .all().map { try $0.decode(column: "id", as: UUID.self) })
        try await OutboxInsert.insert(messages.filter { wanting.contains($0.employer) }, into: MailOutboxRecord.schema, on: db)
    }

    /// Messages due now, claimed for this instance, oldest first.
    public func due(limit: Int = 50) async throws -> [Due] {
        let ids = try await OutboxClaim.claim(MailOutboxRecord.schema, on: database, now: now(), limit: limit)
        guard !ids.isEmpty else { return [] }
        let records = try await MailOutboxRecord.query(on: database).filter(\.$id ~~ ids).sort(\.$createdAt).all()
        let users = Dictionary(uniqueKeysWithValues: try await UserRecord.query(on: database).filter(\.$id ~~ Set(records.map(\.employerID)))
            .all().compactMap { user in user.id.map { ($0, user) } })
        return records.compactMap { record in
            guard let id = record.id, let user = users[record.employerID] else { return nil }
            return Due(id: id, to: user.email, organizationName: user.organizationName, payload: record.payload, createdAt: record.createdAt)
        }
    }

    public func delivered(_ id: UUID) async throws {
        try await MailOutboxRecord.query(on: database).filter(\.$id == id).set(\.$deliveredAt, to: now()).set(\.$claimedUntil, to: nil).update()
    }

    /// A temporary refusal is tried again (2 s doubling, at most an hour apart, 16 tries);
    /// a permanent one (a 5xx: no such mailbox) is given up at once. Other messages are not
    /// held back: one bad address blocks nobody.
    public func failed(_ id: UUID, error: String, permanent: Bool) async throws {
        guard let record = try await MailOutboxRecord.find(id, on: database) else { return }
        record.attempts += 1
        record.lastError = String(error.prefix(500))
        record.claimedUntil = nil
        if permanent || record.attempts >= Webhooks.maxAttempts {
            record.givenUpAt = now()
        } else {
            record.nextAttemptAt = now().addingTimeInterval(min(3600, pow(2, Double(min(record.attempts, 12)))))
        }
        try await record.save(on: database)
    }

    /// Messages waiting to be sent (not given up).
    public func pending() async throws -> Int {
        try await MailOutboxRecord.query(on: database).filter(\.$deliveredAt == nil).filter(\.$givenUpAt == nil).count()
    }

    /// Which request a message is about, to name it: its holder (as stored) and qualification.
    public func subject(of requestID: UUID) async throws -> (holderName: String, entryId: String, edition: String)? {
        guard let row = try await database.sql.select().columns("holder_name", "entry_id", "edition_id").from(VerificationRequestRecord.schema)
            .where("id", .equal, SQLBind(requestID)).first() else { return nil }
        return (try row.decode(column: "holder_name", as: String.self), try row.decode(column: "entry_id", as: String.self),
                try row.decode(column: "edition_id", as: String.self))
    }

    public func notificationsEnabled(for account: Account) async throws -> Bool {
        try await UserRecord.find(account.id, on: database)?.emailNotifications ?? true
    }

    public func setNotifications(_ enabled: Bool, for account: Account) async throws {
        guard account.role == .employer else { throw VerificationError.notFound }
        try await UserRecord.query(on: database).filter(\.$id == account.id).set(\.$emailNotifications, to: enabled).update()
        try await AuditLog.append(on: database, at: now(), kind: "notifications.email", actor: account.id, subject: nil,
                                  email: account.email, address: nil, detail: enabled ? "on" : "off")
    }
}

/// The `mail_outbox` table.
final class MailOutboxRecord: Model, @unchecked Sendable {
    static let schema = "mail_outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "employer_id") var employerID: UUID
    @Field(key: "payload") var payload: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "given_up_at") var givenUpAt: Date?
    @OptionalField(key: "claimed_until") var claimedUntil: Date?

    init() {}
}

extension Store {
    public var mails: Mails { Mails(database: database, now: clock) }
}
