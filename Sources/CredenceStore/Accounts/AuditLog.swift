import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// The append-only, hash-chained audit log: sign-ins, account changes, every state change
/// of a verification request. `seq` is unique as a last guard; appends are serialized so two
/// writers never take the same place.
public struct AuditLog: Sendable {
    let database: any Database

    public struct Event: Sendable, Equatable {
        public var seq: Int64
        public var at: Date
        public var kind: String
        public var actor: String?
        public var subject: String?
        public var email: String?
        public var address: String?
        public var detail: String?
        public var previousHash: String
        public var hash: String
    }

    /// Appends on `database` (which may be a transaction: the event then lands with the change).
    /// Appends are serialized — on PostgreSQL by a transaction-scoped advisory lock, on
    /// SQLite by its single writer — so the chain never forks, across instances too.
    static func append(on database: any Database, at: Date, kind: String, actor: UUID?, subject: String?, email: String?,
                       address: String?, detail: String?) async throws {
        try await append(on: database, [Entry(at: at, kind: kind, actor: actor, subject: subject, email: email, address: address,
                                              detail: detail)])
    }

    /// What an appended event says; its place in the chain is given when it is appended.
    struct Entry: Sendable {
        var at: Date
        var kind: String
        var actor: UUID?
        var subject: String?
        var email: String?
        var address: String?
        var detail: String?
    }

    /// Appends `entries` in order, chained, in one statement (group commit appends many).
    static func append(on database: any Database, _ entries: [Entry]) async throws {
        guard !entries.isEmpty else { return }
        try await database.transaction { db in
            if db.sql.dialect.name == "postgresql" {
                try await db.sql.raw("SELECT pg_advisory_xact_lock(\(literal: Self.lockKey))").run()
            }
            let last = try await db.sql.select().columns("seq", "hash").from(AuditEventRecord.schema)
                .orderBy("seq", .descending).limit(1).first()
            var seq = try last?.decode(column: "seq", as: Int64.self) ?? 0
            var previousHash = try last?.decode(column: "hash", as: String.self) ?? AuditLink.genesis
            let insert = db.sql.insert(into: AuditEventRecord.schema)
                .columns("id", "seq", "at_ms", "kind", "actor_id", "subject_id", "email", "address", "detail", "previous_hash", "hash")
            for entry in entries {
                seq += 1
                let link = AuditLink(
                    seq: seq, atMilliseconds: Int64((entry.at.timeIntervalSince1970 * 1000).rounded()), kind: entry.kind,
                    actorId: entry.actor?.uuidString.lowercased(), subjectId: entry.subject, email: entry.email.map { Self.capped($0, 254) },
                    address: entry.address.map { Self.capped($0, 64) }, detail: entry.detail.map { Self.capped($0, 2000) },
                    previousHash: previousHash)
                insert.values([SQLBind(UUID()), SQLBind(link.seq), SQLBind(link.atMilliseconds), SQLBind(link.kind),
                               sqlValue(link.actorId), sqlValue(link.subjectId), sqlValue(link.email), sqlValue(link.address),
                               sqlValue(link.detail), SQLBind(link.previousHash), SQLBind(link.hash)])
                previousHash = link.hash
            }
            try await insert.run()
        }
    }

    /// A last guard: no field of an event outgrows what any real value needs, whatever a
    /// caller passes (the callers cap first; an unbounded email once filled the log).
    static func capped(_ text: String, _ characters: Int) -> String {
        text.count <= characters ? text : String(text.prefix(characters))
    }

    /// The advisory lock that serializes appends on PostgreSQL ("CRED" "AUDT").
    static let lockKey: Int64 = 0x4352_4544_4155_4454

    /// Events after `seq`, oldest first.
    public func events(after seq: Int64 = 0, limit: Int = 1000) async throws -> [Event] {
        try await AuditEventRecord.query(on: database).filter(\.$seq > seq).sort(\.$seq).limit(limit).all().map { record in
            Event(seq: record.seq, at: Date(timeIntervalSince1970: Double(record.atMilliseconds) / 1000), kind: record.kind,
                  actor: record.actorID, subject: record.subjectID, email: record.email, address: record.address,
                  detail: record.detail, previousHash: record.previousHash, hash: record.hash)
        }
    }

    public func count() async throws -> Int {
        try await AuditEventRecord.query(on: database).count()
    }

    /// Walks the whole chain; nil when intact, else the first event that does not hold.
    public func verify() async throws -> (seq: Int64, why: String)? {
        var after: Int64 = 0
        var previous = AuditLink.genesis
        var expected: Int64 = 1
        while true {
            let page = try await AuditEventRecord.query(on: database).filter(\.$seq > after).sort(\.$seq).limit(5000).all()
            if page.isEmpty { return nil }
            for record in page {
                var link = record.link
                if link.seq != expected { return (link.seq, "expected event \(expected) here: an event is missing") }
                if link.previousHash != previous { return (link.seq, "it does not link to the event before it") }
                link.previousHash = previous
                if link.hash != record.hash { return (link.seq, "its content does not match its hash: it was altered") }
                previous = record.hash
                expected += 1
            }
            after = page.last!.seq
        }
    }
}

extension Store {
    public var auditLog: AuditLog { AuditLog(database: database) }
}
