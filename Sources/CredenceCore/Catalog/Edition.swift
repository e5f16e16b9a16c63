/// 版本: one issue of a jurisdiction's catalog (for example the Tianjin 2023 edition).
public struct Edition: Hashable, Sendable, Codable {
    public var id: String
    public var jurisdiction: String
    public var title: BilingualText
    public var issuedOn: CalendarDate?
    public var effectiveOn: CalendarDate?
    public var status: EditionStatus
    /// The edition this one replaced, when that edition is known to Credence.
    public var supersedes: String?
    /// The notice's document number (文号), where it has one.
    public var noticeRef: String?
    /// When the catalog's review (四) falls due; set at publish.
    public var reviewDueOn: CalendarDate?
    /// The departments' sign-off: asked for on a draft, kept as the published edition's record.
    public var signOff: SignOff?

    public init(
        id: String, jurisdiction: String, title: BilingualText, issuedOn: CalendarDate?,
        effectiveOn: CalendarDate?, status: EditionStatus, supersedes: String? = nil, noticeRef: String? = nil,
        reviewDueOn: CalendarDate? = nil, signOff: SignOff? = nil
    ) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.title = title
        self.issuedOn = issuedOn
        self.effectiveOn = effectiveOn
        self.status = status
        self.supersedes = supersedes
        self.noticeRef = noticeRef
        self.reviewDueOn = reviewDueOn
        self.signOff = signOff
    }

    /// Whether the review is due (today or within `soon` days) or overdue.
    public func review(today: CalendarDate, soon: Int = 30) -> ReviewState? {
        guard status != .draft, status != .superseded, let due = reviewDueOn else { return nil }
        if due < today { return .overdue(due) }
        return due <= today.addingDays(soon) ? .due(due) : nil
    }
}

/// A published edition's review date as the administrators' pages show it.
public enum ReviewState: Sendable, Equatable {
    case due(CalendarDate)
    case overdue(CalendarDate)

    public var name: BilingualText {
        switch self {
        case .due(let day): BilingualText(zh: "目录复审将于\(day)到期", en: "The catalog's review is due on \(day)")
        case .overdue(let day): BilingualText(zh: "目录复审已于\(day)逾期", en: "The catalog's review was due on \(day): overdue")
        }
    }
}

public enum EditionStatus: String, CaseIterable, Sendable, Codable {
    case draft
    case inForce = "in_force"
    case superseded
    /// Published, to take effect on its effectiveOn date.
    case scheduled

    public var name: BilingualText {
        switch self {
        case .draft: BilingualText(zh: "草稿", en: "Draft")
        case .inForce: BilingualText(zh: "现行有效", en: "In force")
        case .superseded: BilingualText(zh: "已被取代", en: "Superseded")
        case .scheduled: BilingualText(zh: "已发布，待生效", en: "Published, not yet in force")
        }
    }
}
