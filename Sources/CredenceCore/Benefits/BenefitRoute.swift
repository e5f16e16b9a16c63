/// Where a benefit is claimed: the office outside Credence that grants it, its online
/// service, the documents that service lists, and how far that can be trusted. Routes are
/// not rules: they never change whether a benefit applies.
public struct BenefitRoute: Sendable, Codable, Equatable {
    public var benefit: Benefit
    /// 1, or 2 for a benefit's second office (visa abroad beside residence at home; the
    /// pharmacists' registration beside practice in the FTZ).
    public var position: Int
    /// Nil when no office is known.
    public var office: BilingualText?
    /// Nil when no service is known.
    public var service: BilingualText?
    /// The service's official online entrance; nil when none was read.
    public var url: String?
    /// Only what a source names; empty when no list was found.
    public var documents: [BilingualText]
    /// What the sources add: the office's own conditions the notice does not name, dated sources.
    public var notes: BilingualText?
    public var confidence: RouteConfidence
    /// The pages read, each with its sentence; the notice's own words link to its clause (`/notice#二-一`).
    public var evidence: [ChannelEvidence]
    /// An administrator's correction; it sets `confidence` to `confirmed`.
    public var confirmation: ChannelConfirmation?

    public init(benefit: Benefit, position: Int, office: BilingualText?, service: BilingualText?, url: String?,
                documents: [BilingualText], notes: BilingualText?, confidence: RouteConfidence, evidence: [ChannelEvidence],
                confirmation: ChannelConfirmation? = nil) {
        self.benefit = benefit
        self.position = position
        self.office = office
        self.service = service
        self.url = url
        self.documents = documents
        self.notes = notes
        self.confidence = confidence
        self.evidence = evidence
        self.confirmation = confirmation
    }

    /// The route's id: its benefit and its position, `permit.age_limit.1`
    /// (`GET /api/v1/benefit-routes/{id}`).
    public var id: String { "\(benefit.rawValue).\(position)" }

    /// Neither an office nor a service: the page says so instead of an empty box.
    public var isEmpty: Bool { office == nil && service == nil }

    /// How far to trust the route, in words: the confirmation's sentence once confirmed.
    public var trust: BilingualText {
        confirmation?.sentence ?? confidence.name
    }
}

/// The levels of the routes' data file, and `confirmed` once an administrator has checked.
public enum RouteConfidence: String, CaseIterable, Sendable, Codable {
    /// Office and service read on an official government page.
    case official
    /// Official text read only on a third-party page.
    case reprint
    /// A page about the office or service, but no official address for it.
    case indirect
    /// No claim service found.
    case none
    case confirmed

    public var name: BilingualText {
        switch self {
        case .official: BilingualText(zh: "来自主管部门自己的网页", en: "From the office's own page")
        case .reprint: BilingualText(zh: "来自第三方网站转载的官方文本", en: "From a reprint of the official text")
        case .indirect: BilingualText(zh: "未找到官方办理网址——请向该部门咨询", en: "No official address found — ask the office")
        case .none: BilingualText(zh: "未找到办理服务——请向该部门咨询", en: "No claim service found — ask the office")
        case .confirmed: BilingualText(zh: "经管理员确认", en: "Confirmed by an administrator")
        }
    }
}

/// Every route, read once per catalog version, looked up by benefit.
public struct BenefitRoutes: Sendable, Equatable {
    public let all: [BenefitRoute]
    private let byBenefit: [Benefit: [BenefitRoute]]

    public init(_ routes: [BenefitRoute]) {
        all = routes.sorted { ($0.benefit.order, $0.position) < ($1.benefit.order, $1.position) }
        byBenefit = Dictionary(grouping: all, by: \.benefit)
    }

    public static let none = BenefitRoutes([])

    /// The benefit's routes, first office first (none when the store holds none).
    public func routes(for benefit: Benefit) -> [BenefitRoute] {
        byBenefit[benefit] ?? []
    }

    /// The route with `id` (`permit.age_limit.1`), if there is one.
    public func route(id: String) -> BenefitRoute? {
        guard let dot = id.lastIndex(of: "."), let position = Int(id[id.index(after: dot)...]),
              let benefit = Benefit(rawValue: String(id[..<dot]))
        else { return nil }
        return routes(for: benefit).first { $0.position == position }
    }

    /// The routes a person's result leads to: the pharmacists' registration (practice in the
    /// FTZ, second office) only for a result that asks for it; every route otherwise.
    public func routes(for result: BenefitResult) -> [BenefitRoute] {
        let all = routes(for: result.benefit)
        guard result.benefit == .practiceFTZ else { return all }
        let registers = result.reasons.contains { reason in
            switch reason {
            case .pharmacistRegistered, .pharmacistRegistrationNeeded: true
            default: false
            }
        }
        return registers ? all : all.filter { $0.position == 1 }
    }
}

extension Benefit: Codable {
    /// The benefit's place in the rules' order.
    public var order: Int { Benefit.all.firstIndex(of: self) ?? Benefit.all.count }
}
