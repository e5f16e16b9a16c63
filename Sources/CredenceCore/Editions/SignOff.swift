import Foundation

/// A department that issued the notice (its last line lists seven) and its part in a new
/// edition: `required` departments must approve before it is published — the notice's own
/// "会同" (市人社局 with the FTZ's administrative committee) — the others are consulted.
public struct Department: Sendable, Codable, Hashable {
    public var id: String
    /// As printed in the notice; the English is Credence's.
    public var name: BilingualText
    public var part: DepartmentPart

    public init(id: String, name: BilingualText, part: DepartmentPart) {
        self.id = id
        self.name = name
        self.part = part
    }

    /// The notice's leading departments: it is issued by 市人社局 "会同" (together with) the
    /// FTZ's administrative committee, so their approval is required by the notice itself,
    /// not by an administrator's setting, and cannot be made merely consulted (issue 42).
    public static let noticeLeads: Set<String> = ["hrss", "ftz"]

    /// Whether a new edition waits for this department's approval.
    public var isRequired: Bool { part == .required || Self.noticeLeads.contains(id) }

    /// The department with its part changed to `part`; a leading department cannot be demoted.
    public func changing(part: DepartmentPart) throws(SignOffRefusal) -> Department {
        if part != .required, Self.noticeLeads.contains(id) { throw .leadingDepartment(self) }
        var changed = self
        changed.part = part
        return changed
    }

    /// What a change of part does to the drafts awaiting sign-off (`awaiting`, their ids):
    /// nothing is withdrawn either way, and the answer says so; nil when nothing waits or
    /// the part is unchanged.
    public static func effect(of before: Department, _ after: Department, awaiting: [String]) -> BilingualText? {
        guard !awaiting.isEmpty, before.isRequired != after.isRequired else { return nil }
        let drafts = awaiting.joined(separator: ", ")
        if after.isRequired {
            return BilingualText(zh: "待会签的草稿（\(drafts)）现在还须\(after.name.zh)同意后才能发布；已给出的意见都保留。",
                                 en: "The drafts awaiting sign-off (\(drafts)) now also wait for the approval of \(after.name.en) before they can be published; no answer given is withdrawn.")
        }
        return BilingualText(zh: "待会签的草稿（\(drafts)）发布时不再需要\(after.name.zh)同意；其已给出的意见保留在记录中。",
                             en: "The drafts awaiting sign-off (\(drafts)) no longer need the approval of \(after.name.en) to be published; any answer it gave stays on their record.")
    }

    /// The seven departments that issued the notice, in its order.
    public static let noticeIssuers: [Department] = [
        Department(id: "hrss", name: BilingualText(zh: "市人社局", en: "Tianjin Municipal Bureau of Human Resources and Social Security"), part: .required),
        Department(id: "ftz", name: BilingualText(zh: "自贸试验区管委会", en: "Administrative Committee of the China (Tianjin) Pilot Free Trade Zone"), part: .required),
        Department(id: "planning", name: BilingualText(zh: "市规划资源局", en: "Tianjin Municipal Bureau of Planning and Natural Resources"), part: .consulted),
        Department(id: "finance", name: BilingualText(zh: "市金融局", en: "Tianjin Local Financial Supervision Bureau"), part: .consulted),
        Department(id: "science", name: BilingualText(zh: "市科技局", en: "Tianjin Municipal Bureau of Science and Technology"), part: .consulted),
        Department(id: "market", name: BilingualText(zh: "市市场监管委", en: "Tianjin Municipal Commission for Market Regulation"), part: .consulted),
        Department(id: "police", name: BilingualText(zh: "市公安局", en: "Tianjin Municipal Public Security Bureau"), part: .consulted),
    ]
}

public enum DepartmentPart: String, CaseIterable, Sendable, Codable {
    case required
    case consulted

    public var name: BilingualText {
        switch self {
        case .required: BilingualText(zh: "须会签同意", en: "Must approve")
        case .consulted: BilingualText(zh: "征求意见", en: "Consulted")
        }
    }
}

/// A reviewer's answer for their department.
public enum ApprovalDecision: String, CaseIterable, Sendable, Codable {
    case approve
    /// Sent back to the administrators with a comment.
    case returned = "return"

    public var name: BilingualText {
        switch self {
        case .approve: BilingualText(zh: "同意", en: "Approved")
        case .returned: BilingualText(zh: "退回", en: "Returned")
        }
    }
}

public struct Approval: Sendable, Codable, Hashable {
    public var department: String
    public var decision: ApprovalDecision
    public var comment: String?
    /// The reviewer's name.
    public var by: String
    /// RFC 3339, UTC.
    public var at: String

    public init(department: String, decision: ApprovalDecision, comment: String?, by: String, at: String) {
        self.department = department
        self.decision = decision
        self.comment = comment
        self.by = by
        self.at = at
    }
}

/// A draft's sign-off: when it was submitted, and each department's latest answer since
/// the draft last changed. Kept on the published edition as its record.
public struct SignOff: Sendable, Codable, Hashable {
    /// RFC 3339, UTC.
    public var requestedAt: String
    public var requestedBy: String
    public var approvals: [Approval]
    /// The departments as they stood when it was published (empty before).
    public var departments: [Department]

    public init(requestedAt: String, requestedBy: String, approvals: [Approval] = [], departments: [Department] = []) {
        self.requestedAt = requestedAt
        self.requestedBy = requestedBy
        self.approvals = approvals
        self.departments = departments
    }

    /// The department's latest answer.
    public func answer(of department: String) -> Approval? {
        approvals.last { $0.department == department }
    }

    /// The required departments whose latest answer is not an approval.
    public func pending(of departments: [Department]) -> [Department] {
        departments.filter { $0.isRequired && answer(of: $0.id)?.decision != .approve }
    }
}

/// Why a sign-off step was refused (409, or 422 for a comment).
public enum SignOffRefusal: Error, Sendable, Equatable {
    /// Publishing before every required department approved: names them.
    case pending([Department])
    /// An answer to a draft not submitted for sign-off.
    case notSubmitted
    /// A reviewer with no department.
    case noDepartment
    case commentRequired
    /// Making one of the notice's leading departments merely consulted.
    case leadingDepartment(Department)
}

extension SignOffRefusal: DescribedError {
    public var kind: ErrorKind { self == .commentRequired ? .invalid : .conflict }

    public var code: String {
        switch self {
        case .pending: "sign_off_pending"
        case .notSubmitted: "sign_off_not_requested"
        case .noDepartment: "no_department"
        case .commentRequired: "invalid_field"
        case .leadingDepartment: "leading_department"
        }
    }

    public var field: String? { self == .commentRequired ? "comment" : nil }

    public var message: BilingualText {
        switch self {
        case .pending(let departments):
            BilingualText(zh: "尚待以下部门会签同意：\(departments.map(\.name.zh).joined(separator: "、"))。",
                          en: "Waiting for the approval of: \(departments.map(\.name.en).joined(separator: "; ")).")
        case .notSubmitted:
            BilingualText(zh: "该草稿尚未提交会签。", en: "This draft has not been submitted for sign-off.")
        case .noDepartment:
            BilingualText(zh: "您的账户不属于任何部门。", en: "Your account belongs to no department.")
        case .commentRequired:
            BilingualText(zh: "退回时请写明理由（最多2000字）。", en: "Comment is required when returning a draft (up to 2,000 characters).")
        case .leadingDepartment(let department):
            BilingualText(zh: "《通知》由市人社局会同自贸试验区管委会印发：\(department.name.zh)须会签同意，不能改为征求意见。",
                          en: "The notice is issued by the Municipal Bureau of Human Resources and Social Security together with the FTZ's administrative committee: \(department.name.en) must approve, and cannot be made consulted.")
        }
    }
}

/// When an edition's review falls due: set at publish, a year after it takes effect by
/// default (`CREDENCE_REVIEW_INTERVAL_DAYS`).
public struct ReviewInterval: Sendable, Equatable {
    public var days: Int

    public init(days: Int = 365) { self.days = days }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ReviewInterval {
        ReviewInterval(days: try DaysSetting.read("CREDENCE_REVIEW_INTERVAL_DAYS", in: 30...1830, default: 365, environment))
    }

    public func due(effectiveOn: CalendarDate) -> CalendarDate {
        effectiveOn.addingDays(days)
    }
}
