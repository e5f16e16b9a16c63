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
    static func column(_ name: String) -> SQLRaw { quoted(table, name) }

    /// `"a"."b"`: names of our own, quoted as both databases read them (see `column`).
    static func quoted(_ names: String...) -> SQLRaw { SQLRaw(names.map { "\"\($0)\"" }.joined(separator: ".")) }

    /// Every column of a row, as one select list; its employer's organization name follows.
    static let selectList = SQLRaw(columns.map { "\"\(table)\".\"\($0)\"" }.joined(separator: ", "))

    /// The organization name of one employer's rows: a subquery read once per statement
    /// (PostgreSQL's InitPlan, SQLite's once-only subquery), not a join probed for each row.
    static func organizationName(of employer: UUID) -> any SQLExpression {
        SQLSubquery.select { $0.column(quoted(UserRecord.schema, "organization_name")).from(quoted(UserRecord.schema))
            .where(quoted(UserRecord.schema, "id"), .equal, SQLBind(employer)) }
    }

    /// The request as the rest of Credence sees it, without history or attachments; the
    /// passport number stays sealed here (`passportSealed`) and is opened only for a detail view.
    var request: VerificationRequest
    var passportSealed: String?
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
        let requests = reader.sql.select().column(RequestRow.selectList).from(RequestRow.quoted(RequestRow.table))
        if let employer = filter.employer {
            requests.column(RequestRow.organizationName(of: employer))
        } else {
            requests.column(RequestRow.quoted(UserRecord.schema, "organization_name"))
                .join(RequestRow.quoted(UserRecord.schema), method: SQLJoinMethod.left, on: RequestRow.quoted(UserRecord.schema, "id"), .equal,
                      RequestRow.column("employer_id"))
        }
        filter.apply(to: requests)
        if let after = page.after {
            // The cursor's time, read in the same statement; seen only through the same filter,
            // so another employer's id continues nothing (an empty page).
            func cursor(_ column: any SQLExpression) -> any SQLExpression {
                SQLSubquery.select { sub in
                    let cursor = sub.column(column).from(RequestRow.quoted(RequestRow.table)).where(RequestRow.column("id"), .equal, SQLBind(after))
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
        requests.orderBy(RequestRow.column("created_at"), direction).orderBy(RequestRow.column("id"), direction)

        let withAttachments = reader.sql.select()
            .column(SQLRaw(#""page".*"#))
            .columns(AttachmentColumn.selectList)
            .from(BoundLimit(select: requests.select, limit: page.limit + 1), as: RequestRow.quoted("page"))
            .join(RequestRow.quoted(AttachmentRecord.schema), method: SQLJoinMethod.left, on: SQLRaw(AttachmentColumn.joinCondition))
        // In the page's order, which the page already has: PostgreSQL keeps it through the join
        // without sorting the joined rows again (a sort of wide rows, the larger part of the
        // statement's time). A request's attachments are put in order below.
        if order == .dueFirst { withAttachments.orderBy(dueKey(Self.pageColumn), SQLDirection.ascending) }
        withAttachments.orderBy(Self.pageColumn("created_at"), direction).orderBy(Self.pageColumn("id"), direction)

        var rows: [RequestRow] = []
        // A search's statement is not kept: its shape follows the words and matches typed,
        // and would use up the statements kept for everyone's lists.
        for row in try await hotReads.rows(withAttachments.select, keep: filter.search == nil) {
            let id = try row.uuid(RequestColumn.id)
            if rows.last?.request.id != id { rows.append(try RequestRow(row)) }
            if let attachment = try AttachmentColumn.attachment(row) { rows[rows.count - 1].request.attachments.append(attachment) }
        }
        let more = rows.count > page.limit
        if more { rows.removeLast() }
        let today = CalendarDate.today(at: now())
        for index in rows.indices {
            rows[index].request.attachments.sort { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }
            rows[index].request.overdue = rows[index].request.isOverdue(today: today)
            if filter.employer != nil { rows[index].request.assigneeId = nil }  // an employer never sees who
        }
        return (rows, more)
    }

    private static func pageColumn(_ name: String) -> any SQLExpression { RequestRow.quoted("page", name) }

    /// `(SELECT … LIMIT ?)`: the page's size bound, not written into the statement, so every
    /// size a caller asks for (1–500) is one statement kept, not one each.
    private struct BoundLimit: SQLExpression {
        let select: SQLSelect
        let limit: Int

        func serialize(to serializer: inout SQLSerializer) {
            serializer.write("(")
            select.serialize(to: &serializer)
            serializer.write(" LIMIT ")
            SQLBind(limit).serialize(to: &serializer)
            serializer.write(")")
        }
    }

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
