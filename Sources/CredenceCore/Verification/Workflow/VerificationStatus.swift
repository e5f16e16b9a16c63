/// The life of a verification request (annex 2: 申请查验 → 在线受理 → 核验结果), as a
/// state machine: which action may move a request from which status, and who may take it.
public enum VerificationStatus: String, CaseIterable, Sendable, Codable {
    case submitted
    case needsInfo = "needs_info"
    case accepted
    case rejected
    case completed
    case withdrawn
    /// 复核中: the employer asked for the result to be reviewed (issue 33).
    case underReview = "under_review"

    /// Finished: nothing more is asked of the request (a result may still be revoked, or reviewed once).
    public var isFinal: Bool { self == .rejected || self == .completed || self == .withdrawn }

    public var name: BilingualText {
        switch self {
        case .submitted: BilingualText(zh: "已提交", en: "Submitted")
        case .needsInfo: BilingualText(zh: "待补充材料", en: "More information needed")
        case .accepted: BilingualText(zh: "已受理，核验中", en: "Accepted, being checked")
        case .rejected: BilingualText(zh: "不予受理", en: "Rejected")
        case .completed: BilingualText(zh: "已出结果", en: "Result ready")
        case .withdrawn: BilingualText(zh: "已撤回", en: "Withdrawn")
        case .underReview: BilingualText(zh: "复核中", en: "Under review")
        }
    }
}

public enum VerificationAction: String, CaseIterable, Sendable, Codable {
    case submit
    case accept
    case reject
    case requestInfo = "request_info"
    case resubmit
    case complete
    case withdraw
    /// An officer withdraws a completed result (it stays completed, marked revoked).
    case revoke
    /// The employer asks for a result to be reviewed (复核).
    case review
    /// An officer other than the result's decides the review: upheld or changed.
    case reviewDecision = "review_decision"
    /// The holder's own steps, through their link (issue 31).
    case holderConsent = "holder_consent"
    case holderDecline = "holder_decline"
    case holderWithdraw = "holder_withdraw"
    case holderErasure = "holder_erasure"
    case holderPublicCheck = "holder_public_check"

    /// Whether the employer is told (webhook, mail): not of the holder's erasure or public-check settings.
    public var tellsEmployer: Bool { self != .holderErasure && self != .holderPublicCheck }

    /// Taken by the holder, through the link mailed to them.
    public var byHolder: Bool { [.holderConsent, .holderDecline, .holderWithdraw, .holderErasure, .holderPublicCheck].contains(self) }

    /// Who takes it: the employer that owns the request, or verification staff.
    public var byEmployer: Bool { self == .submit || self == .resubmit || self == .withdraw || self == .review }

    /// The one role that takes it — stated here only: the holder their own steps, employers
    /// theirs (submit, resubmit, withdraw, review), verification officers the rest.
    public var takenBy: Role { byHolder ? .holder : byEmployer ? .employer : .officer }

    public func isTaken(by role: Role) -> Bool { role == takenBy }

    public var name: BilingualText {
        switch self {
        case .submit: BilingualText(zh: "提交申请", en: "Submitted")
        case .accept: BilingualText(zh: "受理", en: "Accepted")
        case .reject: BilingualText(zh: "不予受理", en: "Rejected")
        case .requestInfo: BilingualText(zh: "要求补充材料", en: "More information requested")
        case .resubmit: BilingualText(zh: "补充后重新提交", en: "Resubmitted")
        case .complete: BilingualText(zh: "出具结果", en: "Result given")
        case .withdraw: BilingualText(zh: "撤回", en: "Withdrawn")
        case .revoke: BilingualText(zh: "撤销结果", en: "Result revoked")
        case .review: BilingualText(zh: "申请复核", en: "Review asked")
        case .reviewDecision: BilingualText(zh: "复核决定", en: "Review decided")
        case .holderConsent: BilingualText(zh: "持证人同意", en: "The holder consented")
        case .holderDecline: BilingualText(zh: "持证人拒绝", en: "The holder declined")
        case .holderWithdraw: BilingualText(zh: "持证人撤回同意", en: "The holder withdrew consent")
        case .holderErasure: BilingualText(zh: "应持证人要求删除个人信息", en: "Personal data erased at the holder's request")
        case .holderPublicCheck: BilingualText(zh: "持证人设置公开核对", en: "The holder set the public check")
        }
    }
}

/// 核验结果. `unableToVerify` is its own outcome: a certificate that could not be checked
/// is neither authentic nor false.
public enum VerificationOutcome: String, CaseIterable, Sendable, Codable {
    case authentic
    case notAuthentic = "not_authentic"
    case unableToVerify = "unable_to_verify"

    /// A completion without an outcome: the officer chooses one, nothing is assumed (issue 43).
    public static let missing = InputError(
        "outcome", zh: "请选择核验结果：证书真实、证书不真实或无法核实。",
        en: "Choose the outcome: authentic, not authentic, or unable to verify.")

    public var name: BilingualText {
        switch self {
        case .authentic: BilingualText(zh: "证书真实", en: "Authentic")
        case .notAuthentic: BilingualText(zh: "证书不真实", en: "Not authentic")
        case .unableToVerify: BilingualText(zh: "无法核实", en: "Unable to verify")
        }
    }
}

/// Why a request is not accepted (annex 2 四: false material may be refused).
public enum RejectionReason: String, CaseIterable, Sendable, Codable {
    case incomplete
    case falseMaterial = "false_material"
    case notInCatalog = "not_in_catalog"

    public var name: BilingualText {
        switch self {
        case .incomplete: BilingualText(zh: "材料不全", en: "Incomplete")
        case .falseMaterial: BilingualText(zh: "提供虚假材料或不实信息", en: "False material or information")
        case .notInCatalog: BilingualText(zh: "不属于《目录》内的职业资格", en: "Not a catalog qualification")
        }
    }
}

/// An action the current status does not allow: answered with 409.
public struct IllegalTransition: Error, Sendable, Equatable {
    public var from: VerificationStatus
    public var action: VerificationAction

    public init(from: VerificationStatus, action: VerificationAction) {
        self.from = from
        self.action = action
    }

    public var message: String { text.en }

    /// Why, in both languages: the status now, and the statuses the action is possible from.
    public var text: BilingualText {
        let from = VerificationStatus.allCases.filter { (try? VerificationWorkflow.next(from: $0, by: action)) != nil }
        return BilingualText(
            zh: "申请目前为“\(self.from.name.zh)”；“\(action.name.zh)”只能在" + from.map { "“\($0.name.zh)”" }.joined(separator: "或") + "时进行。",
            en: "The request is \(self.from.rawValue); \(action.rawValue) is possible only from "
                + from.map(\.rawValue).joined(separator: " or ") + ".")
    }
}

public enum VerificationWorkflow {
    /// The status an action leads to from `status`, or why it cannot be taken.
    public static func next(from status: VerificationStatus, by action: VerificationAction) throws(IllegalTransition)
        -> VerificationStatus
    {
        switch (status, action) {
        case (.submitted, .accept), (.needsInfo, .accept): return .accepted
        case (.submitted, .requestInfo), (.accepted, .requestInfo): return .needsInfo
        case (.submitted, .reject), (.needsInfo, .reject), (.accepted, .reject): return .rejected
        case (.needsInfo, .resubmit): return .submitted
        case (.accepted, .complete): return .completed
        case (.completed, .revoke): return .completed
        case (.completed, .review): return .underReview
        case (.underReview, .reviewDecision): return .completed
        case (.submitted, .holderConsent), (.needsInfo, .holderConsent): return status
        case (.submitted, .holderDecline), (.needsInfo, .holderDecline): return .withdrawn
        case (.submitted, .holderWithdraw), (.needsInfo, .holderWithdraw), (.accepted, .holderWithdraw): return .withdrawn
        case (.completed, .holderErasure), (.completed, .holderPublicCheck): return .completed
        case (.submitted, .withdraw), (.needsInfo, .withdraw), (.accepted, .withdraw): return .withdrawn
        default: throw IllegalTransition(from: status, action: action)
        }
    }

    /// The actions open from a status, for pages to offer.
    public static func actions(from status: VerificationStatus) -> [VerificationAction] {
        VerificationAction.allCases.filter { (try? next(from: status, by: $0)) != nil }
    }
}
