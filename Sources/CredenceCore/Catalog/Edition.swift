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

    public init(
        id: String, jurisdiction: String, title: BilingualText, issuedOn: CalendarDate?,
        effectiveOn: CalendarDate?, status: EditionStatus, supersedes: String? = nil, noticeRef: String? = nil
    ) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.title = title
        self.issuedOn = issuedOn
        self.effectiveOn = effectiveOn
        self.status = status
        self.supersedes = supersedes
        self.noticeRef = noticeRef
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
