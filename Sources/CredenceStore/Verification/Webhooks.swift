import CredenceCore
import Crypto
import FluentKit
import Foundation
import SQLKit

/// Employers' webhooks: a URL that receives each status change of their requests as JSON,
/// signed with HMAC-SHA256. Messages go through an outbox written in the same transaction
/// as the change, so a receiver that is down misses nothing: delivery is retried with
/// exponential backoff until it answers 2xx.
public struct Webhooks: Sendable {
    let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.now = now
    }

    /// Registers (or replaces) the employer's URL and returns the new signing secret, shown once.
    public func register(url text: String, for employer: Account) async throws -> String {
        guard employer.role == .employer else { throw VerificationError.notFound }
        let url: URL
        do {
            url = try WebhookAddress.parse(text)
        } catch {
            throw VerificationError.invalid(error.problems)
        }
        let secret = SecretToken.make()
        let record = WebhookRecord()
        record.id = employer.id
        record.url = url.absoluteString
        record.secret = secret
        record.createdAt = now()
        try await database.transaction { db in
            try await WebhookRecord.query(on: db).filter(\.$id == employer.id).delete()
            try await record.create(on: db)
            try await AuditLog.append(on: db, at: now(), kind: "webhook.registered", actor: employer.id, subject: nil,
                                      email: employer.email, address: nil, detail: url.absoluteString)
        }
        return secret
    }

    public func url(for employer: Account) async throws -> String? {
        try await WebhookRecord.find(employer.id, on: database)?.url
    }

    /// The change as the receiver gets it.
    struct Payload: Codable {
        var event = "verification_request.status_changed"
        var requestId: String
        var previousStatus: String?
        var status: String
        var outcome: String?
        var estimatedCompletionOn: String?
        var at: String
        /// On `verification_request.revoked`: why.
        var revocationReason: String?
        /// On a request for information: everything asked for (code and note).
        var items: [InfoItem]?
        /// On `verification_request.review_decided`: upheld or changed.
        var reviewDecision: String?
        /// On `verification_request.certificate_expiring`: the certificate's expiry.
        var expiresOn: String?

        /// The change as JSON (canonical: keys sorted), as webhooks and mails carry it.
        static func json(_ change: Transition) throws -> String {
            var payload = Payload(
                requestId: change.requestID.uuidString.lowercased(), previousStatus: change.from?.rawValue, status: change.to.rawValue,
                outcome: change.outcome, estimatedCompletionOn: change.estimatedCompletionOn, at: Timestamps.rfc3339(change.at),
                items: change.items)
            switch change.action {
            case .revoke:
                payload.event = "verification_request.revoked"
                payload.revocationReason = change.revocationReason
            case .review:
                payload.event = "verification_request.review_requested"
            case .reviewDecision:
                payload.event = "verification_request.review_decided"
                payload.reviewDecision = change.reviewDecision
            case .holderConsent:
                payload.event = "verification_request.holder_consented"
            case .holderDecline:
                payload.event = "verification_request.holder_declined"
            case .holderWithdraw:
                payload.event = "verification_request.holder_withdrew"
            default:
                break
            }
            return String(decoding: try CanonicalJSON.data(payload), as: UTF8.self)
        }
    }

    /// Puts a message in the outbox for each change whose employer has a webhook; on `db`,
    /// so the messages commit with the changes. Two statements however many changes.
    static func enqueue(_ changes: [Transition], on db: any Database) async throws {
        try await enqueue(changes.map { (employer: $0.employerID, payload: try Payload.json($0), at: $0.at) }, on: db)
    }

    /// Any message (a status change, a catalog alert) for the employers that have a webhook.
    static func enqueue(_ messages: [(employer: UUID, payload: String, at: Date)], on db: any Database) async throws {
        guard !messages.isEmpty else { return }
        let employers = Array(Set(messages.map(\.employer)))
        let subscribed = Set(try await db.sql.select().column("id").from(WebhookRecord.schema)
            .where("id", .in, SQLBind.group(employers)).all().map { try $0.decode(column: "id", as: UUID.self) })
        try await OutboxInsert.insert(messages.filter { subscribed.contains($0.employer) }, channel: .webhook, on: db)
    }

    /// A message ready to send: where, what, and its signature headers.
    public struct Delivery: Sendable {
        public var id: UUID
        /// Whose address: deliveries are grouped by it, one destination at a time.
        public var employerID: UUID
        public var url: String
        public var body: String
        public var timestamp: String
        /// `sha256=` + hex HMAC-SHA256(secret, timestamp + "." + body).
        public var signature: String
    }

    public static func signature(secret: String, timestamp: String, body: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data((timestamp + "." + body).utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + Data(mac).hex
    }

    /// Tries before a message is given up (the outbox's rule).
    public static let maxAttempts = Outbox.maxAttempts

    var outbox: Outbox { Outbox(database: database, channel: .webhook, now: now) }

    /// Messages due now, claimed for this instance (`OutboxClaim`), oldest first, at most
    /// `perDestination` for each employer (so one employer's backlog does not fill a pass),
    /// grouped by employer. What is claimed beyond that is released at once.
    public func due(limit: Int = 200, perDestination: Int = 10) async throws -> [[Delivery]] {
        let time = now()
        let records = try await outbox.claim(limit: limit)
        guard !records.isEmpty else { return [] }
        var released: [UUID] = []
        var hooks: [UUID: WebhookRecord] = [:]
        var groups: [UUID: [Delivery]] = [:]
        var order: [UUID] = []
        for record in records {
            guard let id = record.id else { continue }
            guard groups[record.employerID, default: []].count < perDestination else { released.append(id); continue }
            if hooks[record.employerID] == nil { hooks[record.employerID] = try await WebhookRecord.find(record.employerID, on: database) }
            guard let hook = hooks[record.employerID] else { released.append(id); continue }
            let timestamp = String(Int(time.timeIntervalSince1970))
            if groups[record.employerID] == nil { order.append(record.employerID) }
            groups[record.employerID, default: []].append(Delivery(
                id: id, employerID: record.employerID, url: hook.url, body: record.payload, timestamp: timestamp,
                signature: Self.signature(secret: hook.secret, timestamp: timestamp, body: record.payload)))
        }
        try await outbox.release(released)
        return order.compactMap { groups[$0] }
    }

    public func delivered(_ id: UUID) async throws {
        try await outbox.delivered(id)
    }

    /// Schedules the next try by the outbox's rule (given up after `maxAttempts`, shown to
    /// the employer). The destination's breaker opens too: its other waiting messages are
    /// not tried before this one.
    public func failed(_ id: UUID, error: String) async throws {
        guard let record = try await outbox.failed(id, error: error, permanent: false) else { return }
        let retryAt = now().addingTimeInterval(Outbox.retryDelay(afterAttempts: record.attempts))
        try await outbox.waiting().filter(\.$employerID == record.employerID).filter(\.$nextAttemptAt < retryAt)
            .set(\.$nextAttemptAt, to: retryAt)
            .set(\.$claimedUntil, to: nil).update()  // the ones this pass held back are free for the retry
    }

    /// Messages still to be delivered (not given up).
    public func pending() async throws -> Int {
        try await outbox.pending()
    }

    /// Messages to this employer's address that were given up, and the last error of the newest.
    public func undeliverable(for employer: Account) async throws -> (count: Int, lastError: String?) {
        let given = OutboxRecord.query(on: database).filter(\.$channel == OutboxChannel.webhook.rawValue)
            .filter(\.$employerID == employer.id).filter(\.$givenUpAt != nil)
        let count = try await given.count()
        let last = count == 0 ? nil : try await given.sort(\.$givenUpAt, .descending).first()?.lastError
        return (count, last)
    }
}

extension Store {
    public var webhooks: Webhooks { Webhooks(database: database, now: clock) }
}
