import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Reading requests. Reads go through SQLKit rows decoded by hand, not through the Fluent
/// models: Fluent finds a model's fields by reflection on every row it loads, on the
/// connection's thread, which made listing requests the slowest path of the server
/// (docs/benchmarks.md). Reads use `reader` (SQLite's reader connections); writes stay on
/// the models in VerificationRecords.swift, whose column names these are.
struct RequestFilter {
    var id: UUID?
    /// An employer sees only its own requests.
    var employer: UUID?
    var statuses: [String]?
    var batch: UUID?
    /// Staff filters: the officer working on it (`.some(nil)`: nobody), overdue as of a day,
    /// the issuing body.
    var assignee: UUID??
    var overdueOn: CalendarDate?
    var issuingBody: String?
    /// What a caller reads out: a holder's name, a certificate number, a code, an id.
    var search: String?
    /// The search's matches, when few enough were looked up first (`SearchTerms.candidates`).
    var searchMatches: [UUID]?
    /// Authentic results whose certificate expires within these days (issue 33).
    var expiresWithin: ClosedRange<CalendarDate>?

    static func visible(to account: Account) -> RequestFilter {
        RequestFilter(employer: account.role == .employer ? account.id : nil)
    }

    func apply(to select: SQLSelectBuilder) {
        if let id { select.where(RequestRow.column("id"), .equal, SQLBind(id)) }
        if let employer { select.where(RequestRow.column("employer_id"), .equal, SQLBind(employer)) }
        if let statuses { select.where(RequestRow.column("status"), .in, SQLBind.group(statuses)) }
        if let batch { select.where(RequestRow.column("batch_id"), .equal, SQLBind(batch)) }
        switch assignee {
        case .some(.some(let officer)): select.where(RequestRow.column("assignee_id"), .equal, SQLBind(officer))
        case .some(.none): select.where(RequestRow.column("assignee_id"), .is, SQLLiteral.null)
        case .none: break
        }
        if let overdueOn {
            select.where(RequestRow.column("status"), .in, SQLBind.group([VerificationStatus.needsInfo, .accepted].map(\.rawValue)))
            select.where(RequestRow.column("estimated_completion_on"), .lessThan, SQLBind(overdueOn.description))
        }
        if let issuingBody { select.where(RequestRow.column("issuing_body_id"), .equal, SQLBind(issuingBody)) }
        applyExpiring(to: select, column: RequestRow.column)
        if let searchMatches {
            select.where(RequestRow.column("id"), .in, SQLBind.group(searchMatches))
        } else if let search {
            select.where(SearchTerms.matching(search))
        }
    }
}

/// A page of a list: up to `limit` requests, continuing after the request `after` in the
/// list's order (by creation time, then id). Keyset, not offset: a page stays right while
/// requests are being added, and costs the same however deep it is.
public struct RequestPaging: Sendable {
    public var limit: Int
    public var after: UUID?

    public static let limits = 1...500
    public static let first = RequestPaging(limit: 100)

    public init(limit: Int, after: UUID? = nil) {
        self.limit = min(max(limit, Self.limits.lowerBound), Self.limits.upperBound)
        self.after = after
    }
}

/// One page of requests, and whether more follow.
public struct RequestList: Sendable {
    public var requests: [VerificationRequest]
    public var more: Bool
}

/// One row of `verification_requests`, with the organization name of its employer.
struct RequestRow {
    static let table = VerificationRequestRecord.schema

    /// `"verification_requests"."name"`, written out: SQLKit escapes every identifier it
    /// serializes with `String.replacing`, which was 15 % of a list request (perf); these names
    /// are our own constants, quoted the same way on SQLite and PostgreSQL.
    static func column(_ name: String) -> SQLRaw { SQLRaw("\"\(table)\".\"\(name)\"") }

    static let columns = [
        "id", "employer_id", "entry_id", "edition_id", "issuing_body_id", "holder_name", "holder_nationality",
        "holder_date_of_birth", "passport_sealed", "passport_masked", "certificate_number", "issued_on", "expires_on", "note",
        "status", "estimated_completion_on", "rejection_reason", "outcome", "completed_at", "verification_code",
        "created_at", "updated_at", "personal_data_erased_at", "personal_data_retention_days",
        "revoked_at", "revocation_reason", "revocation_note", "assignee_id", "previous_request_id",
        "review_requested_at", "review_reason", "review_note", "review_decision", "review_decided_at", "review_decision_note",
        "review_outcome_reviewed", "holder_email_masked", "consent_basis", "consented_at", "withdrawal_reason", "public_check_off",
        "public_check_days",
    ]

    /// What a submission writes, column by column: the insert is made of this list.
    static let submitted: [(column: String, value: @Sendable (VerificationRequest, PendingSubmission) -> any SQLExpression)] = [
        ("id", { r, _ in SQLBind(r.id) }), ("employer_id", { r, _ in SQLBind(r.employerId) }), ("entry_id", { r, _ in SQLBind(r.entryId) }),
        ("edition_id", { r, _ in SQLBind(r.edition) }), ("issuing_body_id", { r, _ in SQLBind(r.issuingBodyId) }),
        ("holder_name", { r, _ in SQLBind(r.holderName) }), ("holder_nationality", { r, _ in SQLBind(r.holderNationality) }),
        ("holder_date_of_birth", { r, _ in sqlValue(r.holderDateOfBirth) }), ("passport_sealed", { _, s in sqlValue(s.passportSealed) }),
        ("passport_masked", { r, _ in sqlValue(r.passportMasked) }), ("certificate_number", { r, _ in SQLBind(r.certificateNumber) }),
        ("issued_on", { r, _ in sqlValue(r.issuedOn) }), ("expires_on", { r, _ in sqlValue(r.expiresOn) }), ("note", { r, _ in sqlValue(r.note) }),
        ("status", { r, _ in SQLBind(r.status.rawValue) }), ("created_at", { r, _ in SQLBind(r.createdAt) }),
        ("updated_at", { r, _ in SQLBind(r.updatedAt) }), ("batch_id", { _, s in sqlValue(s.batchID) }),
        ("previous_request_id", { r, _ in sqlValue(r.previousRequestId) }), ("holder_email_sealed", { _, s in sqlValue(s.holderEmailSealed) }),
        ("holder_email_masked", { r, _ in sqlValue(r.holderEmailMasked) }), ("consent_basis", { r, _ in SQLBind(r.consent.basis.rawValue) }),
    ]

    /// Every column of a row and its employer's organization name, as one select list.
    static let selectList = SQLRaw((columns.map { "\"\(table)\".\"\($0)\"" } + [#""users"."organization_name""#])
        .joined(separator: ", "))

    /// The request as the rest of Credence sees it, without history or attachments; the
    /// passport number stays sealed here (`passportSealed`) and is opened only for a detail view.
    var request: VerificationRequest
    var passportSealed: String?

    /// A row of the list's statement: `columns` in their order, then the organization name.
    init(_ row: RowCells) throws {
        typealias At = RequestColumn
        let status = try row.text(At.status)
        guard let known = VerificationStatus(rawValue: status) else {
            throw StoreDataError(table: Self.table, row: try row.text(At.id), problem: "unknown status \(status)")
        }
        passportSealed = try row.optionalText(At.passportSealed)
        request = VerificationRequest(
            id: try row.uuid(At.id), employerId: try row.uuid(At.employer),
            organizationName: try row.optionalText(At.organizationName), entryId: try row.text(At.entry), edition: try row.text(At.edition),
            issuingBodyId: try row.text(At.issuingBody), holderName: try row.text(At.holderName),
            holderNationality: try row.text(At.holderNationality), holderDateOfBirth: try row.optionalText(At.holderDateOfBirth),
            passportNumber: nil, passportMasked: try row.optionalText(At.passportMasked),
            certificateNumber: try row.text(At.certificateNumber), issuedOn: try row.optionalText(At.issuedOn),
            expiresOn: try row.optionalText(At.expiresOn), note: try row.optionalText(At.note), status: known,
            estimatedCompletionOn: try row.optionalText(At.estimatedCompletionOn),
            rejectionReason: try row.optionalText(At.rejectionReason).flatMap(RejectionReason.init),
            outcome: try row.optionalText(At.outcome).flatMap(VerificationOutcome.init),
            completedAt: try row.optionalDate(At.completedAt),
            verificationCode: try row.optionalText(At.verificationCode),
            createdAt: try row.date(At.createdAt), updatedAt: try row.date(At.updatedAt),
            history: [], attachments: [])
        if let at = try row.optionalDate(At.erasedAt) {
            request.erasure = PersonalDataErasure(at: at, afterDays: try row.optionalInt(At.retentionDays) ?? 0)
        }
        request.assigneeId = try row.optionalUUID(At.assignee)
        request.previousRequestId = try row.optionalUUID(At.previousRequest)
        request.holderEmailMasked = try row.optionalText(At.holderEmailMasked)
        let basis = try row.optionalText(At.consentBasis).flatMap(ConsentBasis.init) ?? .employerAttestation
        request.consent = ConsentStanding(basis: basis, at: basis == .holder ? try row.optionalDate(At.consentedAt) : request.createdAt,
                                          consents: [])
        request.withdrawalReason = try row.optionalText(At.withdrawalReason).flatMap(WithdrawalReason.init)
        request.publicCheckOff = try row.optionalBool(At.publicCheckOff) ?? false
        request.publicCheckDays = try row.optionalInt(At.publicCheckDays)
        if let at = try row.optionalDate(At.reviewRequestedAt) {
            request.review = ResultReview(
                requestedAt: at, reason: try row.optionalText(At.reviewReason) ?? "", note: try row.optionalText(At.reviewNote),
                decision: try row.optionalText(At.reviewDecision).flatMap(ReviewDecision.init),
                decidedAt: try row.optionalDate(At.reviewDecidedAt), decisionNote: try row.optionalText(At.reviewDecisionNote),
                outcomeReviewed: try row.optionalText(At.reviewOutcomeReviewed).flatMap(VerificationOutcome.init))
        }
        if let at = try row.optionalDate(At.revokedAt) {
            request.revocation = Revocation(at: at, reason: try row.optionalText(At.revocationReason).flatMap(RevocationReason.init) ?? .other,
                                            note: try row.optionalText(At.revocationNote))
        }
    }
}


extension Verifications {
    /// The list's order: by submission either way, or by due date (the earliest first, then
    /// those not yet accepted, oldest first) for the officers' desk.
    enum RequestOrder { case newestFirst, oldestFirst, dueFirst }

    /// The requests `filter` lets through, a page of them, with their attachments (not
    /// their history); `more` says whether the list goes on. One statement: the page is a
    /// subquery, its attachments joined to it (two round trips to the reader were a fifth
    /// of an employer's list, perf).
    func requestRows(_ filter: RequestFilter, order: RequestOrder, page: RequestPaging) async throws -> (rows: [RequestRow], more: Bool) {
        var filter = filter
        if let search = filter.search {
            filter.searchMatches = try await SearchTerms.candidates(search, on: reader.sql)
            if filter.searchMatches?.isEmpty == true { return ([], false) }
        }
        let oldestFirst = order != .newestFirst
        let direction = oldestFirst ? SQLDirection.ascending : SQLDirection.descending
        // Not yet accepted: no due date; after every dated one.
        func dueKey(_ column: (String) -> any SQLExpression) -> any SQLExpression {
            SQLFunction("COALESCE", args: column("estimated_completion_on"), SQLLiteral.string("9999-12-31"))
        }
        let requests = reader.sql.select()
            .column(RequestRow.selectList)
            .from(RequestRow.table)
            .join(UserRecord.schema, method: SQLJoinMethod.left, on: SQLColumn("id", table: UserRecord.schema), .equal,
                  RequestRow.column("employer_id"))
        filter.apply(to: requests)
        if let after = page.after {
            // The cursor's time, read in the same statement; seen only through the same filter,
            // so another employer's id continues nothing (an empty page).
            func cursor(_ column: any SQLExpression) -> any SQLExpression {
                SQLSubquery.select { sub in
                    let cursor = sub.column(column).from(RequestRow.table).where(RequestRow.column("id"), .equal, SQLBind(after))
                    if let employer = filter.employer { cursor.where(RequestRow.column("employer_id"), .equal, SQLBind(employer)) }
                    return cursor
                }
            }
            // (created_at, id) past the cursor's, as a row value: one range over the
            // (created_at, id) index, however deep the page (the due date before them on the desk).
            var keys: [any SQLExpression] = [RequestRow.column("created_at"), RequestRow.column("id")]
            var cursors: [any SQLExpression] = [cursor(RequestRow.column("created_at")), SQLBind(after)]
            if order == .dueFirst {
                keys.insert(dueKey(RequestRow.column), at: 0)
                cursors.insert(cursor(dueKey(RequestRow.column)), at: 0)
            }
            requests.where(SQLGroupExpression(keys), oldestFirst ? .greaterThan : .lessThan, SQLGroupExpression(cursors))
        }
        if order == .dueFirst { requests.orderBy(dueKey(RequestRow.column), SQLDirection.ascending) }
        requests.orderBy(RequestRow.column("created_at"), direction).orderBy(RequestRow.column("id"), direction).limit(page.limit + 1)

        let withAttachments = reader.sql.select()
            .column(SQLRaw(#""page".*"#))
            .columns(AttachmentColumn.selectList)
            .from(SQLSubquery(requests.select), as: SQLIdentifier("page"))
            .join(AttachmentRecord.schema, method: SQLJoinMethod.left, on: SQLRaw(AttachmentColumn.joinCondition))
        if order == .dueFirst { withAttachments.orderBy(dueKey(Self.pageColumn), SQLDirection.ascending) }
        withAttachments.orderBy(Self.pageColumn("created_at"), direction).orderBy(Self.pageColumn("id"), direction)
            .orderBy(SQLColumn("created_at", table: AttachmentRecord.schema), SQLDirection.ascending)

        var rows: [RequestRow] = []
        for row in try await RowCells.read(withAttachments.select, on: reader) {
            let id = try row.uuid(RequestColumn.id)
            if rows.last?.request.id != id { rows.append(try RequestRow(row)) }
            if let attachment = try AttachmentColumn.attachment(row) { rows[rows.count - 1].request.attachments.append(attachment) }
        }
        let more = rows.count > page.limit
        if more { rows.removeLast() }
        let today = CalendarDate.today(at: now())
        for index in rows.indices {
            rows[index].request.overdue = rows[index].request.isOverdue(today: today)
            if filter.employer != nil { rows[index].request.assigneeId = nil }  // an employer never sees who
        }
        return (rows, more)
    }

    private static func pageColumn(_ name: String) -> any SQLExpression { SQLRaw("\"page\".\"\(name)\"") }

    /// Events of `verification_events`, selected and ordered by `narrow`, with their request's
    /// id; read from `sql` (a transaction) or the reader.
    func events(on sql: (any SQLDatabase)? = nil, _ narrow: (SQLSelectBuilder) -> SQLSelectBuilder) async throws
        -> [(request: UUID, event: VerificationRequest.Event)]
    {
        let table = VerificationEventRecord.schema
        let select = (sql ?? reader.sql).select()
            .columns(["request_id", "action", "from_status", "to_status", "actor_role", "at", "note", "checklist"]
                .map { SQLColumn($0, table: table) as any SQLExpression })
            .from(table)
        return try await narrow(select).all().compactMap { row in
            guard let action = VerificationAction(rawValue: try row.decode(column: "action", as: String.self)),
                  let to = VerificationStatus(rawValue: try row.decode(column: "to_status", as: String.self)),
                  let role = Role(rawValue: try row.decode(column: "actor_role", as: String.self))
            else { return nil }
            let checklist = EventChecklist.read(try row.decode(column: "checklist", as: String?.self))
            return (try row.decode(column: "request_id", as: UUID.self), VerificationRequest.Event(
                action: action, from: try row.decode(column: "from_status", as: String?.self).flatMap(VerificationStatus.init), to: to,
                actorRole: role, at: try row.decode(column: "at", as: Date.self), note: try row.decode(column: "note", as: String?.self),
                items: checklist?.items, answers: checklist?.answers))
        }
    }
}

/// An attachment's columns as the request list joins them (`attachment_<name>`).
enum AttachmentColumn {
    static let table = AttachmentRecord.schema
    static let names = ["id", "file_name", "kind", "size", "sha256", "created_at"]
    static let selectList = names.map { SQLRaw("\"\(table)\".\"\($0)\" AS \"attachment_\($0)\"") as any SQLExpression }
    static let joinCondition = "\"\(table)\".\"request_id\" = \"page\".\"id\""

    /// The attachment on this row, if the row has one (of a kind Credence knows).
    static func attachment(_ row: RowCells) throws -> VerificationRequest.Attachment? {
        func at(_ name: String) -> Int { RequestColumn.attachment + names.firstIndex(of: name)! }
        guard let id = try row.optionalUUID(at("id")), let kind = AttachmentKind(rawValue: try row.text(at("kind"))) else { return nil }
        return .init(id: id, fileName: try row.text(at("file_name")), kind: kind, size: try row.optionalInt(at("size")) ?? 0,
                     sha256: try row.text(at("sha256")), createdAt: try row.date(at("created_at")))
    }
}
