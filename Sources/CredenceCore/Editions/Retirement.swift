/// Why an entry leaves the catalog (notice, section 四: 发证情况、会员水平、从业能力).
public enum RetirementReason: String, CaseIterable, Sendable, Codable {
    /// 发证情况: how the certificate is issued changed.
    case issuance
    /// 会员水平: the membership level no longer meets the bar.
    case membershipLevel = "membership_level"
    /// 从业能力: holders' practice ability no longer meets the bar.
    case practiceAbility = "practice_ability"
    case other

    public var name: BilingualText {
        switch self {
        case .issuance: BilingualText(zh: "发证情况", en: "Issuance")
        case .membershipLevel: BilingualText(zh: "会员水平", en: "Membership level")
        case .practiceAbility: BilingualText(zh: "从业能力", en: "Practice ability")
        case .other: BilingualText(zh: "其他", en: "Other")
        }
    }
}

/// An entry retired from an edition, with why.
public struct Retirement: Sendable, Equatable, Codable {
    public var entry: Entry
    public var reason: RetirementReason
    public var note: String?

    public init(entry: Entry, reason: RetirementReason, note: String?) {
        self.entry = entry
        self.reason = reason
        self.note = note
    }
}
