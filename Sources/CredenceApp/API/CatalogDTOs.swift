import CredenceCore

/// An entry as the API shows it (contract.md, "Catalog"). Absent facts encode as null.
public struct EntryDTO: Encodable, Sendable {
    public var entry: Entry
    /// The search keywords too: an export carries everything an import needs.
    var withKeywords = false

    public init(_ entry: Entry) { self.entry = entry }

    enum CodingKeys: String, CodingKey {
        case id, edition, seq, name, abbreviations, region, issuer, fields, remarks, titleLevel,
             minExperienceYears, requiresLocalRegistration, keywords, supplementary
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entry.id, forKey: .id)
        try c.encode(entry.edition, forKey: .edition)
        try c.encode(entry.seq, forKey: .seq)
        try c.encode(entry.name, forKey: .name)
        try c.encode(entry.abbreviations, forKey: .abbreviations)
        try c.encode(entry.region, forKey: .region)
        try c.encode(entry.issuer, forKey: .issuer)
        try c.encode(entry.fields, forKey: .fields)
        try c.encode(entry.remarks, forKey: .remarks)
        try c.encode(entry.titleLevel, forKey: .titleLevel)
        try c.encode(entry.minExperienceYears, forKey: .minExperienceYears)
        try c.encode(entry.requiresLocalRegistration, forKey: .requiresLocalRegistration)
        if withKeywords { try c.encode(entry.keywords, forKey: .keywords) }
        try c.encode(entry.supplementary, forKey: .supplementary)
    }
}

/// An edition; with its entries when one edition is asked for.
public struct EditionDTO: Encodable, Sendable {
    public var edition: Edition
    public var entryCount: Int
    public var entries: [Entry]?

    public init(_ edition: Edition, entryCount: Int, entries: [Entry]? = nil) {
        self.edition = edition
        self.entryCount = entryCount
        self.entries = entries
    }

    enum CodingKeys: String, CodingKey {
        case id, jurisdiction, title, issuedOn, effectiveOn, status, entryCount, supersedes, noticeRef, reviewDueOn, signOff, entries
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(edition.id, forKey: .id)
        try c.encode(edition.jurisdiction, forKey: .jurisdiction)
        try c.encode(edition.title, forKey: .title)
        try c.encode(edition.issuedOn, forKey: .issuedOn)
        try c.encode(edition.effectiveOn, forKey: .effectiveOn)
        try c.encode(edition.status, forKey: .status)
        try c.encode(entryCount, forKey: .entryCount)
        try c.encode(edition.supersedes, forKey: .supersedes)
        try c.encode(edition.noticeRef, forKey: .noticeRef)
        try c.encode(edition.reviewDueOn, forKey: .reviewDueOn)
        try c.encode(edition.signOff.map(SignOffDTO.init), forKey: .signOff)
        if let entries { try c.encode(entries.map(EntryDTO.init), forKey: .entries) }
    }
}

public struct EditionListDTO: Encodable, Sendable {
    public var editions: [EditionDTO]

    public init(_ catalog: Catalog, includingDrafts: Bool = false) {
        editions = catalog.editions.filter { includingDrafts || $0.status != .draft }
            .map { EditionDTO($0, entryCount: catalog.entries(of: $0.id)?.count ?? 0) }
    }
}

public struct EntryListDTO: Encodable, Sendable {
    public var edition: String
    public var entries: [EntryDTO]

    public init(edition: Edition, entries: [Entry]) {
        self.edition = edition.id
        self.entries = entries.map(EntryDTO.init)
    }
}

public struct SearchResultsDTO: Encodable, Sendable {
    public struct Result: Encodable, Sendable {
        public var entry: EntryDTO
        public var score: Double
    }

    public var query: String
    public var edition: String
    public var results: [Result]

    public init(query: String, edition: Edition, hits: [SearchHit]) {
        self.query = query
        self.edition = edition.id
        // Three decimals: enough to order by, without float noise in the JSON.
        results = hits.map { Result(entry: EntryDTO($0.entry), score: ($0.score * 1000).rounded() / 1000) }
    }
}

public struct ZoneListDTO: Encodable, Sendable {
    public struct ZoneDTO: Encodable, Sendable {
        public var id: String
        public var name: BilingualText
        public var kind: ZoneKind
    }

    public var zones: [ZoneDTO]

    public init(_ zones: [Zone]) {
        self.zones = zones.map { ZoneDTO(id: $0.id, name: $0.name, kind: $0.kind) }
    }
}

public struct HealthDTO: Encodable, Sendable {
    public var status: String
}

/// An edition's sign-off as the API shows it: the departments (as they stood when it was
/// published), each one's latest answer since the draft last changed, with its comment. The
/// reviewers' names stay in the audit log.
public struct SignOffDTO: Encodable, Sendable {
    struct Answer: Encodable, Sendable {
        var department: String
        var decision: String
        var comment: String?
        var at: String

        enum CodingKeys: String, CodingKey { case department, decision, comment, at }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(department, forKey: .department)
            try c.encode(decision, forKey: .decision)
            try c.encode(comment, forKey: .comment)  // null, not absent
            try c.encode(at, forKey: .at)
        }
    }

    var requestedAt: String
    var departments: [Department]
    var answers: [Answer]

    init(_ signOff: SignOff) {
        requestedAt = signOff.requestedAt
        departments = signOff.departments
        let answered = signOff.approvals.map(\.department).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        answers = answered.compactMap { signOff.answer(of: $0) }
            .map { Answer(department: $0.department, decision: $0.decision.rawValue, comment: $0.comment, at: $0.at) }
    }
}
