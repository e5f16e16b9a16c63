import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// When an edition that retires or changes an entry comes into force, every employer with
/// completed requests for that entry is told which of its requests are affected and what
/// changed: by webhook (`entry.retired` / `entry.changed`), by mail, and on its dashboard.
/// Written in the transaction that puts the edition in force.
enum CatalogAlerts {
    struct Payload: Codable, Sendable, Equatable {
        var event: String
        var entryId: String
        var fromEdition: String
        var toEdition: String
        var requests: [String]
        /// For a retirement: its reason and note (as the new edition records them).
        var reason: String?
        var note: String?
        /// For a change: the fields that changed.
        var fields: [String]?
        var at: String
    }

    static func enqueue(from old: String, to new: String, at: Date, on db: any Database) async throws {
        let oldEntries = try await EntryRecord.query(on: db).filter(\.$editionID == old).all().map { try $0.entry() }
        let newEntries = try await EntryRecord.query(on: db).filter(\.$editionID == new).all().map { try $0.entry() }
        let retirements = try await RetirementRecord.query(on: db).filter(\.$editionID == new).all().compactMap { record -> Retirement? in
            guard let reason = RetirementReason(rawValue: record.reason),
                  let entry = try? JSONDecoder().decode(Entry.self, from: Data(record.entry.utf8)) else { return nil }
            return Retirement(entry: entry, reason: reason, note: record.note)
        }
        let diff = EditionDiff(from: old, to: new, old: oldEntries, new: newEntries, retirements: retirements)
        var alerts: [String: (event: String, reason: String?, note: String?, fields: [String]?)] = [:]
        for retired in diff.retired { alerts[retired.entry.id] = ("entry.retired", retired.reason?.rawValue, retired.note, nil) }
        for changed in diff.changed { alerts[changed.id] = ("entry.changed", nil, nil, changed.changes.map(\.field)) }
        guard !alerts.isEmpty else { return }
        let rows = try await db.sql.select().column("id").column("employer_id").column("entry_id").from(VerificationRequestRecord.schema)
            .where("status", .equal, SQLBind(VerificationStatus.completed.rawValue))
            .where("entry_id", .in, SQLBind.group(Array(alerts.keys)))
            .orderBy("created_at").all()
        var affected: [[String]: [String]] = [:]  // [employer, entry] → request ids
        for row in rows {
            let key = [try row.decode(column: "employer_id", as: UUID.self).uuidString, try row.decode(column: "entry_id", as: String.self)]
            affected[key, default: []].append(try row.decode(column: "id", as: UUID.self).uuidString.lowercased())
        }
        var messages: [(employer: UUID, payload: String, at: Date)] = []
        for (key, requests) in affected.sorted(by: { $0.key.joined() < $1.key.joined() }) {
            guard let employer = UUID(uuidString: key[0]), let alert = alerts[key[1]] else { continue }
            let payload = Payload(event: alert.event, entryId: key[1], fromEdition: old, toEdition: new, requests: requests,
                                  reason: alert.reason, note: alert.note, fields: alert.fields, at: Timestamps.rfc3339(at))
            messages.append((employer, String(decoding: try CanonicalJSON.data(payload), as: UTF8.self), at))
        }
        try await Webhooks.enqueue(messages, on: db)
        try await Mails.enqueue(messages, on: db)
        try await OutboxInsert.insert(messages, into: CatalogAlertRecord.schema, on: db)
    }
}

extension Verifications {
    /// The employer's catalog alerts, newest first.
    public func catalogAlerts(for employer: Account, limit: Int = 10) async throws -> [CatalogAlert] {
        try await CatalogAlertRecord.query(on: reader).filter(\.$employerID == employer.id).sort(\.$createdAt, .descending).limit(limit).all()
            .compactMap { record in
                guard let payload = try? JSONDecoder().decode(CatalogAlerts.Payload.self, from: Data(record.payload.utf8)) else { return nil }
                return CatalogAlert(event: payload.event, entryId: payload.entryId, toEdition: payload.toEdition,
                                    requests: payload.requests.compactMap(UUID.init(uuidString:)), reason: payload.reason.flatMap(RetirementReason.init),
                                    note: payload.note, fields: payload.fields ?? [], at: record.createdAt)
            }
    }
}
