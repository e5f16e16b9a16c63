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
    /// Opens a holder's sealed address and link (issue 31).
    var sealer: DataSealer? = nil

    /// What one message is about, with where it goes.
    public struct Due: Sendable {
        public var id: UUID
        public var to: String
        public var organizationName: String?
        /// The change (`Webhooks.Payload`'s JSON).
        public var payload: String
        public var createdAt: Date
        /// For a mail to a holder: the link's secret, opened from the outbox's sealed part.
        public var holderToken: String? = nil
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
        try await OutboxInsert.insert(messages.filter { wanting.contains($0.employer) }, channel: .mail, on: db)
    }

    var outbox: Outbox { Outbox(database: database, channel: .mail, now: now) }

    /// Messages due now, claimed for this instance, oldest first.
    public func due(limit: Int = 50) async throws -> [Due] {
        let records = try await outbox.claim(limit: limit)
        guard !records.isEmpty else { return [] }
        let users = Dictionary(uniqueKeysWithValues: try await UserRecord.query(on: database).filter(\.$id ~~ Set(records.map(\.employerID)))
            .all().compactMap { user in user.id.map { ($0, user) } })
        return records.compactMap { record in
            guard let id = record.id, let user = users[record.employerID] else { return nil }
            if let sealed = record.recipientSealed {
                guard let text = try? sealer?.open(sealed),
                      let recipient = try? JSONDecoder().decode(HolderInvitation.Recipient.self, from: Data(text.utf8))
                else { return nil }
                return Due(id: id, to: recipient.to, organizationName: user.organizationName, payload: record.payload, createdAt: record.createdAt,
                           holderToken: recipient.token)
            }
            return Due(id: id, to: user.email, organizationName: user.organizationName, payload: record.payload, createdAt: record.createdAt)
        }
    }

    public func delivered(_ id: UUID) async throws {
        try await outbox.delivered(id)
    }

    /// A temporary refusal is tried again (`Outbox`'s rule); a permanent one (a 5xx: no such
    /// mailbox) is given up at once. Other messages are not held back: one bad address
    /// blocks nobody.
    public func failed(_ id: UUID, error: String, permanent: Bool) async throws {
        try await outbox.failed(id, error: error, permanent: permanent)
    }

    /// Messages waiting to be sent (not given up).
    public func pending() async throws -> Int {
        try await outbox.pending()
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

extension Store {
    public var mails: Mails { Mails(database: database, now: clock, sealer: keys.sealer) }
}
