import CredenceCore
import Crypto
import FluentKit
import Foundation
import SQLKit

/// The certificate verification service of annex 2: requests, their workflow, attachments,
/// results and receipts. Every read is scoped to who asks — an employer sees only its own
/// requests, and another's is `notFound` — and every change lands in one transaction with
/// its event, its audit entry and its webhook message.
public struct Verifications: Sendable {
    let database: any Database
    /// For the list and a request's page, with their statements kept.
    let hotReads: HotReads
    /// For other reads (see `Store.reader`).
    var reader: any Database { hotReads.database }
    let keys: KeyRing
    let submissions: GroupCommit<SubmissionGroup>
    /// Bytes of attachments one employer may keep in all.
    let attachmentQuota: Int
    /// How long after a result its review may be asked.
    let review: ReviewPolicy
    let publicCheckPolicy: PublicCheckPolicy
    let now: @Sendable () -> Date

    init(database: any Database, hotReads: HotReads, keys: KeyRing, submissions: GroupCommit<SubmissionGroup>,
         attachmentQuota: Int, review: ReviewPolicy = ReviewPolicy(), publicCheck: PublicCheckPolicy = PublicCheckPolicy(),
         now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.hotReads = hotReads
        self.keys = keys
        self.submissions = submissions
        self.attachmentQuota = attachmentQuota
        self.review = review
        self.publicCheckPolicy = publicCheck
        self.now = now
    }

    /// Recent changes to an employer's requests, newest first: the dashboard's notifications.
    public func recentChanges(for employer: Account, limit: Int = 10) async throws -> [RequestChange] {
        // A join, not the employer's request ids in an IN list: an employer with tens of
        // thousands of requests would outgrow a statement's bound values (32,766 on SQLite).
        let changes = try await events { select in
            select.join(RequestRow.table, on: RequestRow.column("id"), .equal, SQLColumn("request_id", table: VerificationEventRecord.schema))
                .where(RequestRow.column("employer_id"), .equal, SQLBind(employer.id))
                .orderBy(SQLColumn("at", table: VerificationEventRecord.schema), SQLDirection.descending)
                .limit(limit)
        }
        guard !changes.isEmpty else { return [] }
        var named: [UUID: (String, String)] = [:]
        for row in try await reader.sql.select().columns("id", "holder_name", "entry_id").from(RequestRow.table)
            .where("id", .in, SQLBind.group(Array(Set(changes.map(\.request))))).all() {
            named[try row.decode(column: "id", as: UUID.self)] = (try row.decode(column: "holder_name", as: String.self),
                                                                  try row.decode(column: "entry_id", as: String.self))
        }
        return changes.map { RequestChange(request: $0.request, holderName: named[$0.request]?.0 ?? "", entryId: named[$0.request]?.1 ?? "", event: $0.event) }
    }

    // MARK: Submitting

    /// Stores a new request; it is acknowledged only after the transaction holding it has
    /// committed — a transaction it may share with other submissions (`GroupCommit`).
    /// `registry` is the registry of issuing bodies when the caller holds it; else it is read.
    public func submit(_ draft: VerificationDraft, by employer: Account, catalog: Catalog, registry: IssuingBodyRegistry? = nil) async throws
        -> VerificationRequest
    {
        let edition = try catalog.resolveEdition(nil)
        let registry = if let registry { registry } else { try await issuingBodyRegistry() }
        let clean = try VerificationWorkflow.submission(draft, by: WorkflowActor(employer), in: WorkflowContext(
            now: now(), calendar: HolidayCalendar(years: []), entries: Set((catalog.entries(of: edition.id) ?? []).map(\.id)),
            registry: registry, review: review))
        if let previous = clean.previousRequestId { try await checkRecheck(of: previous, by: employer) }
        let body = registry.body(for: clean.entryId)
        let submission = try pending(clean, by: employer, edition: edition.id, body: body.id)
        try await submissions.commit(SubmissionGroup(submissions: [submission]))
        // Answered from what was committed, not read back: three reads per submission were a
        // third of the writer's work.
        return submission.stored
    }

    // MARK: Reading

    /// An employer's own requests, or all for staff; newest first, a page at a time.
    /// `search`: a holder's name (a word of it, or its start), a certificate number, a code or
    /// an id — within the employer's own requests.
    /// `expiringWithinDays`: only authentic results whose certificate expires within that many days.
    public func list(for account: Account, status: VerificationStatus? = nil, search: String? = nil, page: RequestPaging = .first,
                     expiringWithinDays: Int? = nil) async throws -> RequestList
    {
        var filter = RequestFilter.visible(to: account)
        filter.statuses = status.map { [$0.rawValue] }
        filter.search = search
        filter.expiresWithin = expiringWithinDays.map { ExpiryNotice.window(today: .today(at: now()), days: $0) }
        let (rows, more) = try await requestRows(filter, order: .newestFirst, page: page)
        return RequestList(requests: rows.map(\.request), more: more)
    }


    public func request(_ id: UUID, for account: Account) async throws -> VerificationRequest {
        var filter = RequestFilter.visible(to: account)
        filter.id = id
        return try await detail(filter, for: account)
    }

    func visible(_ id: UUID, to account: Account, on db: (any Database)? = nil) async throws -> VerificationRequestRecord {
        guard let record = try await VerificationRequestRecord.find(id, on: db ?? database),
              account.role != .employer || record.employerID == account.id
        else { throw VerificationError.notFound }
        return record
    }

    // MARK: Results

    public func receipt(of id: UUID, for account: Account) async throws -> SignedReceipt {
        let record = try await visible(id, to: account)
        guard let text = record.receipt, let signature = record.receiptSignature, let keyId = record.receiptKeyID,
              let receipt = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        else { throw VerificationError.illegal(IllegalTransition(from: VerificationStatus(rawValue: record.status) ?? .submitted, action: .complete)) }
        return SignedReceipt(receipt: receipt, signature: signature, keyId: keyId)
    }

    // MARK: Views

    /// One request for its own page: with history, and the passport number opened for
    /// those who handle personal data (never administrators).
    func detail(_ filter: RequestFilter, for account: Account) async throws -> VerificationRequest {
        guard let row = try await requestRows(filter, order: .oldestFirst, page: RequestPaging(limit: 1)).rows.first else {
            throw VerificationError.notFound
        }
        var request = row.request
        if account.role.handlesPersonalData {
            request.passportNumber = try row.passportSealed.map(keys.sealer.open)
        }
        if request.consent.basis == .holder { request.consent.consents = try await holderConsents(of: request.id) }
        request.history = try await events { select in
            select.where(SQLColumn("request_id", table: VerificationEventRecord.schema), .equal, SQLBind(request.id))
                .orderBy(SQLColumn("at", table: VerificationEventRecord.schema))
        }.map(\.event)
        return request
    }
}

extension Store {
    public var verifications: Verifications {
        Verifications(database: database, hotReads: hotReads, keys: keys, submissions: submissions, attachmentQuota: limits.attachmentQuotaBytes,
                      review: limits.review, publicCheck: limits.publicCheck, now: clock)
    }
}
