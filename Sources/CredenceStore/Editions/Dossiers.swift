import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Entries' review dossiers and notes (issue 34): figures read from the requests, ratings
/// and catalog alerts of the last 24 months; notes added by administrators and reviewers.
public struct Dossiers: Sendable {
    let database: any Database
    let now: @Sendable () -> Date

    public func dossier(of entryId: String, channel: VerificationChannel) async throws -> EntryDossier {
        let today = CalendarDate.today(at: now())
        let period = EntryDossier.period(endingOn: today)
        var months = Dictionary(uniqueKeysWithValues: period.map { ($0, DossierMonth(month: $0)) })
        var days: [String: [Int]] = [:]
        var ratings: [String: [Int]] = [:]
        let calendar = try await Calendars(database: database, now: now).calendar()
        func month(_ date: Date) -> String { String(CalendarDate.today(at: date).description.prefix(7)) }
        let requests = try await database.sql.select()
            .columns(["id", "created_at", "accepted_on", "completed_at", "outcome", "expires_on", "review_requested_at", "review_decision",
                      "review_decided_at"].map { SQLColumn($0, table: VerificationRequestRecord.schema) as any SQLExpression })
            .column(SQLColumn("score", table: "ratings"))
            .from(VerificationRequestRecord.schema)
            .join("ratings", method: SQLJoinMethod.left, on: SQLColumn("request_id", table: "ratings"), .equal,
                  SQLColumn("id", table: VerificationRequestRecord.schema))
            .where(SQLColumn("entry_id", table: VerificationRequestRecord.schema), .equal, SQLBind(entryId))
            .all()
        for row in requests {
            let created = try row.decode(column: "created_at", as: Date.self)
            months[month(created)]?.requests += 1
            if let completed = try row.decode(column: "completed_at", as: Date?.self), let key = Optional(month(completed)), months[key] != nil {
                switch try row.decode(column: "outcome", as: String?.self).flatMap(VerificationOutcome.init) {
                case .authentic?:
                    months[key]!.authentic += 1
                    let expires = try row.decode(column: "expires_on", as: String?.self)
                    if CertificateStatus.of(expiresOn: expires, resultDay: .today(at: completed)) == .expired { months[key]!.expired += 1 }
                case .notAuthentic?: months[key]!.notAuthentic += 1
                case .unableToVerify?: months[key]!.unableToVerify += 1
                case nil: break
                }
                let accepted = try row.decode(column: "accepted_on", as: String?.self).flatMap(CalendarDate.init) ?? .today(at: created)
                days[key, default: []].append(calendar.workingDays(from: accepted, to: .today(at: completed)))
                if let score = try row.decode(column: "score", as: Int?.self) { ratings[key, default: []].append(score) }
            }
            if let asked = try row.decode(column: "review_requested_at", as: Date?.self) { months[month(asked)]?.reviewsAsked += 1 }
            if try row.decode(column: "review_decision", as: String?.self) == ReviewDecision.changed.rawValue,
               let decided = try row.decode(column: "review_decided_at", as: Date?.self) {
                months[month(decided)]?.reviewsChanged += 1
            }
        }
        for alert in try await CatalogAlertRecord.query(on: database).all() {
            guard let payload = try? JSONDecoder().decode(CatalogAlerts.Payload.self, from: Data(alert.payload.utf8)), payload.entryId == entryId
            else { continue }
            months[month(alert.createdAt)]?.alertsSent += 1
        }
        for key in period {
            months[key]!.medianWorkingDays = Self.median(days[key] ?? [])
            let scores = ratings[key] ?? []
            months[key]!.ratings = scores.count
            months[key]!.averageRating = scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count)
        }
        return EntryDossier(entryId: entryId, months: period.map { months[$0]! }, channelConfidence: channel.confidence,
                            channelConfirmedOn: channel.confirmation?.on, notes: try await notes(of: entryId))
    }

    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return Double(sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
    }

    public func notes(of entryId: String) async throws -> [ReviewNote] {
        try await ReviewNoteRecord.query(on: database).filter(\.$entryID == entryId).sort(\.$createdAt, .descending).all().map { record in
            ReviewNote(id: record.id ?? UUID(), entryId: record.entryID, kind: ReviewNoteKind(rawValue: record.kind) ?? .other, text: record.text,
                       source: record.source, by: record.byName, at: record.createdAt)
        }
    }

    /// A note on an entry the catalog holds (any edition); audited, kept forever.
    public func addNote(to entryId: String, kind: ReviewNoteKind, text: String, source: String?, by account: Account, known: Bool) async throws
        -> ReviewNote
    {
        guard known else { throw VerificationError.notFound }
        let problems = ReviewNote.problems(text: text, source: source)
        guard problems.isEmpty else { throw VerificationError.invalid(problems) }
        let record = ReviewNoteRecord()
        record.id = UUID()
        record.entryID = entryId
        record.kind = kind.rawValue
        record.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        record.source = source
        record.byID = account.id
        record.byName = account.name
        record.createdAt = now()
        try await database.transaction { db in
            try await record.create(on: db)
            try await AuditLog.append(on: db, at: now(), kind: "review_note.added", actor: account.id, subject: entryId, email: account.email,
                                      address: nil, detail: "\(kind.rawValue) \(record.id!.uuidString.lowercased())")
        }
        return ReviewNote(id: record.id!, entryId: entryId, kind: kind, text: record.text, source: source, by: account.name, at: record.createdAt)
    }
}

extension Store {
    public var dossiers: Dossiers { Dossiers(database: database, now: clock) }
}
