import Foundation

/// The demand for new entries (纳入, issue 34): what people look for and do not find, what
/// employers asked to verify outside the catalog, and what people propose. None of it
/// holds personal data.
public enum SearchDemand {
    /// Below this best score a search "found only weak matches": a whole word of an entry
    /// scores 6 or more (measured: "accountant" 6, "cfa" 28), a query half of whose words
    /// match nothing scores a quarter of its matched part.
    public static let weakScore = 6.0
    /// A query is shown once this many sessions asked it in a week: a name typed once never appears.
    public static let sessionsShown = 3
    /// Weeks kept; older rows are deleted.
    public static let weeksKept = 12
    /// At most this many rows a week: a flood of distinct queries cannot fill the store.
    public static let rowsPerWeek = 20_000

    /// The query as kept: trimmed, lower-cased, spaces collapsed; nil when shorter than 2
    /// or longer than 100 characters.
    public static func normalized(_ query: String) -> String? {
        let words = query.lowercased().split(whereSeparator: \.isWhitespace)
        let text = words.joined(separator: " ")
        return (2...100).contains(text.count) ? text : nil
    }

    public static func isWeak(_ hits: [SearchHit]) -> Bool {
        (hits.first?.score ?? 0) < weakScore
    }

    /// The week a moment falls in, China time: its Monday, `YYYY-MM-DD`.
    public static func week(of date: Date) -> String {
        let today = CalendarDate.today(at: date)
        return today.addingDays(1 - today.isoWeekday).description  // isoWeekday: Monday 1 … Sunday 7
    }
}

/// A week's count of sessions that asked one query and found little.
public struct SearchMiss: Sendable, Equatable {
    public var week: String
    public var query: String
    public var sessions: Int

    public init(week: String, query: String, sessions: Int) {
        self.week = week
        self.query = query
        self.sessions = sessions
    }
}

/// Requests rejected as not in the catalog, grouped by the certificate's name as typed.
public struct UnlistedCertificate: Sendable, Equatable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}

/// What someone asks to have added, as typed on the public form.
public struct ProposalDraft: Sendable, Equatable {
    public var name: String
    public var issuer: String
    public var region: String
    public var field: String
    public var why: String
    /// Optional: to be told the outcome. Sealed; erased once decided.
    public var contact: String?

    public init(name: String, issuer: String, region: String, field: String, why: String, contact: String?) {
        self.name = name
        self.issuer = issuer
        self.region = region
        self.field = field
        self.why = why
        self.contact = contact
    }

    /// Trimmed, every problem named; the contact normalised.
    public func validated() throws(InvalidInput) -> ProposalDraft {
        var problems: [InputError] = []
        func text(_ value: String, _ field: String, _ limit: Int, zh: String, en: String) -> String {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.schemaLength > limit {
                problems.append(InputError(field, zh: "请填写\(zh)（最多\(limit)字）。", en: "\(field) is required: \(en), up to \(limit) characters."))
            }
            return trimmed
        }
        var clean = self
        clean.name = text(name, "name", 200, zh: "资格名称", en: "the qualification's name")
        clean.issuer = text(issuer, "issuer", 200, zh: "发证机构", en: "the issuing body")
        clean.region = text(region, "region", 100, zh: "国家或地区", en: "the country or region")
        clean.field = text(field, "field", 200, zh: "从业领域", en: "the field of work")
        clean.why = text(why, "why", 2000, zh: "理由", en: "why it should be added")
        if let contact, !contact.trimmingCharacters(in: .whitespaces).isEmpty {
            if let address = EmailAddress.normalized(contact) { clean.contact = address } else {
                problems.append(InputError("contact", zh: "联系邮箱格式不正确，或留空。", en: "Contact must be an email address, or left out."))
            }
        } else {
            clean.contact = nil
        }
        guard problems.isEmpty else { throw InvalidInput(problems: problems) }
        return clean
    }
}

public enum ProposalStatus: String, CaseIterable, Sendable, Codable {
    case new
    case accepted
    case declined

    public var name: BilingualText {
        switch self {
        case .new: BilingualText(zh: "待审", en: "New")
        case .accepted: BilingualText(zh: "已纳入审议", en: "Accepted for review")
        case .declined: BilingualText(zh: "未采纳", en: "Declined")
        }
    }
}

/// A proposal as staff read it: the contact only masked.
public struct Proposal: Sendable, Equatable {
    public var id: UUID
    public var createdAt: Date
    public var draft: ProposalDraft
    public var status: ProposalStatus
    public var decisionReason: String?
    public var decidedAt: Date?

    public init(id: UUID, createdAt: Date, draft: ProposalDraft, status: ProposalStatus, decisionReason: String?, decidedAt: Date?) {
        self.id = id
        self.createdAt = createdAt
        self.draft = draft
        self.status = status
        self.decisionReason = decisionReason
        self.decidedAt = decidedAt
    }
}

/// All three sources at once, newest and most-asked first.
public struct DemandReport: Sendable, Equatable {
    public var searches: [SearchMiss]
    public var notInCatalog: [UnlistedCertificate]
    public var proposals: [Proposal]

    public init(searches: [SearchMiss], notInCatalog: [UnlistedCertificate], proposals: [Proposal]) {
        self.searches = searches
        self.notInCatalog = notInCatalog
        self.proposals = proposals
    }
}
