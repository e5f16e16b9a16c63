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
    /// For lists and details (see `Store.reader`).
    let reader: any Database
    let keys: KeyRing
    let submissions: GroupCommit<SubmissionGroup>
    /// Bytes of attachments one employer may keep in all.
    let attachmentQuota: Int
    /// How long after a result its review may be asked.
    let review: ReviewPolicy
    let publicCheckPolicy: PublicCheckPolicy
    let now: @Sendable () -> Date

    init(database: any Database, reader: any Database, keys: KeyRing, submissions: GroupCommit<SubmissionGroup>,
         attachmentQuota: Int, review: ReviewPolicy = ReviewPolicy(), publicCheck: PublicCheckPolicy = PublicCheckPolicy(),
         now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.reader = reader
        self.keys = keys
        self.submissions = submissions
        self.attachmentQuota = attachmentQuota
        self.review = review
        self.publicCheckPolicy = publicCheck
        self.now = now
    }

    /// A change on the dashboard: which request (its holder, as stored, and qualification) and what happened.
    public typealias RecentChange = RequestChange

    /// Recent changes to an employer's requests, newest first: the dashboard's notifications.
    public func recentChanges(for employer: Account, limit: Int = 10) async throws -> [RecentChange] {
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
        return changes.map { RecentChange(request: $0.request, holderName: named[$0.request]?.0 ?? "", entryId: named[$0.request]?.1 ?? "", event: $0.event) }
    }

    // MARK: Submitting

    /// Stores a new request; it is acknowledged only after the transaction holding it has
    /// committed — a transaction it may share with other submissions (`GroupCommit`).
    /// `registry` is the registry of issuing bodies when the caller holds it; else it is read.
    public func submit(_ draft: VerificationDraft, by employer: Account, catalog: Catalog, registry: IssuingBodyRegistry? = nil) async throws
        -> VerificationRequest
    {
        guard employer.role == .employer else { throw VerificationError.notFound }
        let edition = try catalog.resolveEdition(nil)
        let clean: VerificationDraft
        do {
            clean = try draft.validated(entries: Set((catalog.entries(of: edition.id) ?? []).map(\.id)), today: .today(at: now()))
        } catch {
            throw VerificationError.invalid(error.problems)
        }
        if let previous = clean.previousRequestId { try await checkRecheck(of: previous, by: employer) }
        let registry = if let registry { registry } else { try await issuingBodyRegistry() }
        let body = registry.body(for: clean.entryId)
        let submission = try pending(clean, by: employer, edition: edition.id, body: body.id)
        try await submissions.commit(SubmissionGroup(submissions: [submission]))
        // Answered from what was committed, not read back: three reads per submission were a
        // third of the writer's work.
        return submission.stored
    }

    private func apply(_ draft: VerificationDraft, to record: VerificationRequestRecord) throws {
        record.holderName = draft.holderName
        record.holderNationality = draft.holderNationality
        record.holderDateOfBirth = draft.holderDateOfBirth
        record.passportSealed = try draft.passportNumber.map(keys.sealer.seal)
        record.passportMasked = draft.passportNumber.map(Masking.document)
        record.certificateNumber = draft.certificateNumber
        record.issuedOn = draft.issuedOn
        record.expiresOn = draft.expiresOn
        record.note = draft.note
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

    // MARK: Acting

    public typealias ActionInput = VerificationActionInput

    /// Takes an action on a request: the workflow decides whether it may, the role decides
    /// who may (employers act on their own requests, staff on the queue's).
    public func act(_ action: VerificationAction, on id: UUID, by account: Account, _ given: ActionInput = .init(),
                    catalog: Catalog) async throws -> VerificationRequest {
        if !action.isTaken(by: account.role) {
            // An officer cannot withdraw; an employer cannot accept — a refusal of the role,
            // answered like an absent request for employers and as a conflict for staff.
            let record = try await visible(id, to: account)
            throw VerificationError.illegal(IllegalTransition(from: VerificationStatus(rawValue: record.status) ?? .submitted, action: action))
        }
        let input: ActionInput
        do {
            let edition = try catalog.resolveEdition(nil)
            input = try given.validated(for: action, entries: Set((catalog.entries(of: edition.id) ?? []).map(\.id)),
                                        today: .today(at: now()))
        } catch let error as InvalidInput {
            // Another employer's request is a 404 before anything about its input is said
            // (read only when the input is refused, not on every action).
            _ = try await visible(id, to: account)
            throw VerificationError.invalid(error.problems)
        }
        // Read before the transaction: inside it, only `db` may be used (SQLite has one writer connection).
        let registry = try await issuingBodyRegistry()
        let calendar = [.accept, .complete].contains(action) ? try await Calendars(database: database, now: now).calendar() : HolidayCalendar(years: [])
        let id = try await database.transaction { db -> UUID in
            let record = try await visible(id, to: account, on: db)
            guard let status = VerificationStatus(rawValue: record.status) else { throw VerificationError.notFound }
            let next: VerificationStatus
            do {
                next = try VerificationWorkflow.next(from: status, by: action)
            } catch let error as IllegalTransition {
                throw VerificationError.illegal(error)
            }
            record.status = next.rawValue
            record.updatedAt = now()
            var answers: [InfoAnswer]?
            switch action {
            case .accept:
                if record.consentBasis == ConsentBasis.holder.rawValue, record.consentedAt == nil { throw VerificationError.holderConsentPending }
                let body = registry.body(for: record.entryID)
                record.acceptedOn = CalendarDate.today(at: now()).description
                record.estimatedCompletionOn = calendar.adding(body.channel.typicalWorkingDays, to: .today(at: now())).date.description
            case .reject:
                record.rejectionReason = input.reason?.rawValue
            case .resubmit:
                answers = try await checkedAnswers(input.answers, to: try record.requireID(), on: db)
                if let corrections = input.corrections {
                    record.entryID = corrections.entryId
                    record.issuingBodyID = registry.body(for: corrections.entryId).id
                    try apply(corrections, to: record)
                }
            case .complete:
                // Issue 43: a result is chosen, never assumed.
                guard let outcome = input.outcome else { throw VerificationError.invalid([VerificationOutcome.missing]) }
                try complete(record, outcome: outcome, catalog: catalog)
                try await ServiceRecords.completed(record, calendar: calendar, on: db)
            case .review:
                try await askReview(record, input, on: db)
            case .reviewDecision:
                try await decideReview(record, input, by: account, catalog: catalog, on: db)
            case .revoke:
                guard record.revokedAt == nil else { throw VerificationError.alreadyRevoked }
                try await assignStatusSlot(record, on: db)
                record.revokedAt = now()
                record.revocationReason = input.revocationReason?.rawValue
                record.revocationNote = input.note
            default:
                break
            }
            try await record.save(on: db)
            if action == .complete || action == .reviewDecision || (action == .resubmit && input.corrections != nil) {
                try await SearchTerms.replace(try record.requireID(), with: SearchTerms.terms(
                    holderName: record.holderName, certificateNumber: record.certificateNumber, code: record.verificationCode), on: db.sql)
            }
            // A review's reason is what its event says (with the note, if any).
            let note = action == .review ? [input.reviewReason, input.note].compactMap { $0 }.joined(separator: " — ") : input.note
            try await log(action, from: status, to: next, request: record, by: account, note: note,
                          items: action == .requestInfo ? input.items : nil, answers: answers, on: db)
            return try record.requireID()
        }
        return try await request(id, for: account)
    }

    /// Sets the result, the code (authentic only) and the signed receipt.
    func complete(_ record: VerificationRequestRecord, outcome: VerificationOutcome, catalog: Catalog) throws {
        let completedAt = now()
        record.outcome = outcome.rawValue
        record.completedAt = completedAt
        record.verificationCode = outcome == .authentic ? VerificationCode.make() : nil
        let signed = try keys.signer.receipt(
            requestId: try record.requireID(), entryId: record.entryID, edition: record.editionID, holderName: record.holderName,
            certificateNumber: record.certificateNumber, outcome: outcome, completedAt: completedAt,
            verificationCode: record.verificationCode, catalog: catalog)
        record.receipt = signed.document
        record.receiptSignature = signed.signature
        record.receiptKeyID = signed.keyId
    }

    private func log(_ action: VerificationAction, from: VerificationStatus?, to: VerificationStatus,
                     request: VerificationRequestRecord, by account: Account, note: String?,
                     items: [InfoItem]? = nil, answers: [InfoAnswer]? = nil, on db: any Database) async throws {
        try await Transition.record([Transition(
            action: action, from: from, to: to, requestID: try request.requireID(), employerID: request.employerID, actor: account,
            note: note, at: now(), outcome: request.outcome, estimatedCompletionOn: request.estimatedCompletionOn,
            revocationReason: action == .revoke ? request.revocationReason : nil, items: items, answers: answers,
            reviewDecision: action == .reviewDecision ? request.reviewDecision : nil)], on: db)
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
        Verifications(database: database, reader: reader, keys: keys, submissions: submissions, attachmentQuota: limits.attachmentQuotaBytes,
                      review: limits.review, publicCheck: limits.publicCheck, now: clock)
    }
}
