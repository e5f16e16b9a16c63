import CredenceCore
import FluentKit
import Foundation

/// The `editions` table. Records stay inside the store: callers get `Edition` values.
final class EditionRecord: Model, @unchecked Sendable {
    static let schema = "editions"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "jurisdiction") var jurisdiction: String
    @Field(key: "title_zh") var titleZh: String
    @Field(key: "title_en") var titleEn: String
    @OptionalField(key: "issued_on") var issuedOn: String?
    @OptionalField(key: "effective_on") var effectiveOn: String?
    @Field(key: "status") var status: String
    @OptionalField(key: "supersedes") var supersedes: String?
    @OptionalField(key: "notice_ref") var noticeRef: String?
    @OptionalField(key: "review_due_on") var reviewDueOn: String?
    /// The departments' sign-off as JSON (`SignOff`).
    @OptionalField(key: "sign_off") var signOff: String?

    init() {}

    init(_ edition: Edition) {
        id = edition.id
        jurisdiction = edition.jurisdiction
        titleZh = edition.title.zh
        titleEn = edition.title.en
        issuedOn = edition.issuedOn?.description
        effectiveOn = edition.effectiveOn?.description
        status = edition.status.rawValue
        supersedes = edition.supersedes
        noticeRef = edition.noticeRef
        // Set only when there is one: migrations older than these columns insert editions too.
        if let due = edition.reviewDueOn { reviewDueOn = due.description }
        if let record = edition.signOff { signOff = try? String(decoding: CanonicalJSON.data(record), as: UTF8.self) }
    }

    func edition() throws -> Edition {
        guard let id, let status = EditionStatus(rawValue: status) else {
            throw StoreDataError(table: Self.schema, row: id ?? "?", problem: "unknown status \(status)")
        }
        return Edition(
            id: id, jurisdiction: jurisdiction, title: BilingualText(zh: titleZh, en: titleEn),
            issuedOn: issuedOn.flatMap(CalendarDate.init), effectiveOn: effectiveOn.flatMap(CalendarDate.init),
            status: status, supersedes: supersedes, noticeRef: noticeRef, reviewDueOn: reviewDueOn.flatMap(CalendarDate.init),
            signOff: try signOff.map { try JSONDecoder().decode(SignOff.self, from: Data($0.utf8)) })
    }
}

/// The `departments` table: the departments that sign off a new edition (issue 34).
final class DepartmentRecord: Model, @unchecked Sendable {
    static let schema = "departments"

    @ID(custom: "id", generatedBy: .user) var id: String?
    /// The department as JSON (`Department`).
    @Field(key: "document") var document: String
    /// The notice's order.
    @Field(key: "position") var position: Int

    init() {}
}
