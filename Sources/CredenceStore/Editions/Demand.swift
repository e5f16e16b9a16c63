import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// The demand for new entries (issue 34): public searches that found little (a query and
/// its week, with a tag of the visitor's network under the week's own key), requests
/// rejected as not in the catalog (counts), and proposals from the public form.
public struct Demand: Sendable {
    let database: any Database
    let sealer: DataSealer
    let now: @Sendable () -> Date

    /// A public search that found little. Best effort: it never delays or fails the search.
    /// Visitors are told apart by their network (`NetworkPrefix`: a /24 or a /56 of the
    /// client's address, never a cookie the client chooses); only the week's tag of it is kept.
    public func recordMiss(query: String, address: String) async {
        guard let text = SearchDemand.normalized(query), let network = NetworkPrefix.of(address) else { return }
        let week = SearchDemand.week(of: now())
        do {
            let held = try await SearchMissRecord.query(on: database).filter(\.$week == week).count()
            guard held < SearchDemand.rowsPerWeek else { return }
            let key = try await weekKey(week)
            try await database.sql.insert(into: SearchMissRecord.schema)
                .columns("id", "week", "query", "tag")
                .values(SQLBind(UUID()), SQLBind(week), SQLBind(text), SQLBind(key.tag(network)))
                .ignoringConflicts(with: ["week", "query", "tag"])
                .run()
        } catch {}
    }

    /// The week's tag key, made on its first use (by whichever instance comes first); every
    /// earlier week's key is destroyed then.
    func weekKey(_ week: String) async throws -> WeekTagKey {
        func held() async throws -> WeekTagKey? {
            try await DemandWeekKeyRecord.find(week, on: database).flatMap { Data(base64Encoded: $0.key) }.map { WeekTagKey(bytes: Array($0)) }
        }
        if let key = try await held() { return key }
        try await database.sql.insert(into: DemandWeekKeyRecord.schema).columns("week", "key")
            .values(SQLBind(week), SQLBind(Data(WeekTagKey.make().bytes).base64EncodedString()))
            .ignoringConflicts(with: ["week"]).run()
        try await DemandWeekKeyRecord.query(on: database).filter(\.$id < week).delete()
        guard let key = try await held() else { throw StoreUnavailable(cause: .unreachable) }
        return key
    }

    /// Everything `/admin/demand` shows: queries asked by enough sessions in a week, the
    /// entries of requests rejected as not in the catalog, and the proposals — newest and
    /// most asked first.
    public func report(catalog: Catalog) async throws -> DemandReport {
        let rows = try await database.sql.select().column("week").column("query").column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("sessions")))
            .from(SearchMissRecord.schema).groupBy("week").groupBy("query")
            .having(SQLFunction("COUNT", args: SQLLiteral.all), .greaterThanOrEqual, SQLBind(SearchDemand.sessionsShown))
            .all()
        let searches = try rows.map {
            SearchMiss(week: try $0.decode(column: "week", as: String.self), query: try $0.decode(column: "query", as: String.self),
                       sessions: try $0.decode(column: "sessions", as: Int.self))
        }.sorted { ($0.week, $0.sessions, $1.query) > ($1.week, $1.sessions, $0.query) }
        let rejected = try await VerificationRequestRecord.query(on: database)
            .filter(\.$rejectionReason == RejectionReason.notInCatalog.rawValue).all()
        let counts = Dictionary(grouping: rejected, by: \.entryID).map { id, requests in
            UnlistedCertificate(name: (try? catalog.entry(id))?.name.zh ?? id, count: requests.count)
        }.sorted { ($0.count, $1.name) > ($1.count, $0.name) }
        return DemandReport(searches: searches, notInCatalog: counts, proposals: try await proposals())
    }

    /// Rows older than `SearchDemand.weeksKept` weeks go, and every past week's tag key.
    public func purge() async throws {
        let oldest = CalendarDate.today(at: now()).addingDays(-7 * SearchDemand.weeksKept).description
        try await SearchMissRecord.query(on: database).filter(\.$week < oldest).delete()
        try await DemandWeekKeyRecord.query(on: database).filter(\.$id < SearchDemand.week(of: now())).delete()
    }

    // MARK: Proposals

    /// A visitor proposes a qualification: 5 an hour per address.
    public func propose(_ draft: ProposalDraft, address: String) async throws -> Proposal {
        let clean: ProposalDraft
        do { clean = try draft.validated() } catch { throw VerificationError.invalid(error.problems) }
        let reservation = try await RateLimits(database: database, now: now).reserve(.proposal, for: address)
        if let wait = reservation.retryAfter { throw RateLimited(retryAfter: wait) }
        let record = ProposalRecord()
        record.id = UUID()
        record.createdAt = now()
        record.name = clean.name
        record.issuer = clean.issuer
        record.region = clean.region
        record.workField = clean.field
        record.why = clean.why
        record.contactSealed = try clean.contact.map(sealer.seal)
        record.status = ProposalStatus.new.rawValue
        try await record.create(on: database)
        return try proposal(record)
    }

    public func proposals() async throws -> [Proposal] {
        try await ProposalRecord.query(on: database).sort(\.$createdAt, .descending).all().map(proposal)
    }

    /// An administrator accepts a proposal for review or declines it with a reason; the
    /// contact address is erased then (it was kept only to be told); audited.
    public func decide(_ id: UUID, _ status: ProposalStatus, reason: String?, by admin: Account) async throws -> Proposal {
        let reason = reason.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        guard status != .new else {
            throw VerificationError.invalid([InputError("decision", zh: "请选择纳入审议或不予采纳。", en: "Decision must be accepted or declined.")])
        }
        if status == .declined && reason == nil || (reason?.schemaLength ?? 0) > 2000 {
            throw VerificationError.invalid([InputError("reason", zh: "不予采纳时请写明理由（最多2000字）。", en: "Reason is required to decline (up to 2,000 characters).")])
        }
        return try await database.transaction { db in
            guard let record = try await ProposalRecord.find(id, on: db) else { throw VerificationError.notFound }
            guard record.status == ProposalStatus.new.rawValue else {
                throw EditionError.conflict(BilingualText(zh: "该建议已有处理结果。", en: "This proposal has already been decided."))
            }
            record.status = status.rawValue
            record.decisionReason = reason
            record.decidedBy = admin.name
            record.decidedAt = now()
            record.contactSealed = nil
            try await record.save(on: db)
            try await AuditLog.append(on: db, at: now(), kind: "proposal.\(status.rawValue)", actor: admin.id, subject: id.uuidString.lowercased(),
                                      email: admin.email, address: nil, detail: reason)
            return try proposal(record)
        }
    }

    private func proposal(_ record: ProposalRecord) throws -> Proposal {
        guard let id = record.id, let status = ProposalStatus(rawValue: record.status) else {
            throw StoreDataError(table: ProposalRecord.schema, row: record.id?.uuidString ?? "?", problem: "unknown status \(record.status)")
        }
        let contact = try record.contactSealed.map { Masking.email(try sealer.open($0)) }
        return Proposal(id: id, createdAt: record.createdAt,
                        draft: ProposalDraft(name: record.name, issuer: record.issuer, region: record.region, field: record.workField,
                                             why: record.why, contact: contact),
                        status: status, decisionReason: record.decisionReason, decidedAt: record.decidedAt)
    }
}

extension Store {
    public var demand: Demand { Demand(database: database, sealer: keys.sealer, now: clock) }
}
