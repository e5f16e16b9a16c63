/// Who someone is to Credence. Employers register themselves (annex 2: 用人单位注册登录);
/// officers and administrators are created from the command line.
public enum Role: String, CaseIterable, Sendable, Codable {
    /// An organization's account: asks for verifications and sees only its own.
    case employer
    /// Verification staff: works the queue.
    case officer
    /// Keeps the catalog and the users.
    case admin
    /// The certificate's holder, through the link mailed to them (issue 31): never an
    /// account, never signed in; named on the events and audit entries they cause.
    case holder
    /// A department's reviewer (issue 34): signs off drafts of the catalog for their
    /// department; sees drafts, diffs, dossiers and demand, nothing of requests.
    case reviewer

    /// Sees a holder's personal data in full (passport number, attachments): the employer
    /// who asked and the officers who verify. Administrators keep the catalog and the
    /// users, and see personal data masked like everyone else.
    public var handlesPersonalData: Bool { self == .employer || self == .officer }

    /// Staff sign in with a second factor (TOTP) every time.
    public var requiresSecondFactor: Bool { self == .officer || self == .admin || self == .reviewer }

    /// Reads draft editions: the administrators who make them and the reviewers who sign them off.
    public var readsDrafts: Bool { self == .admin || self == .reviewer }

    /// The roles an account can have (a holder is never one).
    public static let accounts: [Role] = [.employer, .officer, .admin, .reviewer]

    /// Those a verification request can concern: its employer and the verification staff.
    public static let verificationParties: [Role] = [.employer, .officer, .admin]

    public var name: BilingualText {
        switch self {
        case .employer: BilingualText(zh: "用人单位", en: "Employer")
        case .officer: BilingualText(zh: "核验人员", en: "Verification officer")
        case .admin: BilingualText(zh: "管理员", en: "Administrator")
        case .holder: BilingualText(zh: "持证人", en: "Holder")
        case .reviewer: BilingualText(zh: "会签部门审核人", en: "Department reviewer")
        }
    }
}

/// A mistake in what someone typed, naming the field and saying what is accepted.
public struct InputError: Error, Sendable, Equatable {
    /// The field as the API names it (`unifiedSocialCreditCode`), nil for the whole input.
    public var field: String?
    public var message: BilingualText

    public init(_ field: String?, zh: String, en: String) {
        self.field = field
        self.message = BilingualText(zh: zh, en: en)
    }
}

/// Every problem with one input, so a form can show them all at once.
public struct InvalidInput: Error, Sendable, Equatable {
    public var problems: [InputError]

    public init(problems: [InputError]) {
        self.problems = problems
    }
}
