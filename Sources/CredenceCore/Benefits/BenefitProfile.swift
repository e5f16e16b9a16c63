/// What a person tells us about themselves (benefits-rules.md, "Inputs"). Every fact but
/// the qualifications may be unknown (nil); an unknown fact never makes a benefit apply.
public struct BenefitProfile: Sendable, Equatable {
    /// Catalog entry ids of the qualifications held; at least one.
    public var qualifications: [String]
    public var nationality: Nationality?
    /// Whole years at application, 0–130.
    public var age: Int?
    /// Works in a 高精尖产业领域.
    public var highTechIndustry: Bool?
    /// Years of work related to the qualification, ≥ 0; years abroad count
    /// (境外从业经历可视同境内从业经历).
    public var relevantExperienceYears: Double?
    /// The held qualifications whose field of work (the remark's "从事…相关工作") the
    /// person's work is in: nil = not known for any; given = yes for those listed, no for
    /// the others. Must be a subset of `qualifications`.
    public var workRelatedTo: [String]?
    public var workZone: WorkZone?
    /// Meets the 学历、年限 basic criteria of the title series at the mapped level.
    public var meetsTitleCriteria: Bool?
    /// The title specialty is one the state fills by exam (以考代评).
    public var examBasedSpecialty: Bool?
    /// Meets the 外国高端人才（A类） conditions.
    public var classA: Bool?
    /// Registered with the Tianjin drug regulator (药监主管部门).
    public var localPharmacistRegistration: Bool?

    public init(
        qualifications: [String], nationality: Nationality? = nil, age: Int? = nil, highTechIndustry: Bool? = nil,
        relevantExperienceYears: Double? = nil, workRelatedTo: [String]? = nil, workZone: WorkZone? = nil,
        meetsTitleCriteria: Bool? = nil,
        examBasedSpecialty: Bool? = nil, classA: Bool? = nil, localPharmacistRegistration: Bool? = nil
    ) {
        self.qualifications = qualifications
        self.nationality = nationality
        self.age = age
        self.highTechIndustry = highTechIndustry
        self.relevantExperienceYears = relevantExperienceYears
        self.workRelatedTo = workRelatedTo
        self.workZone = workZone
        self.meetsTitleCriteria = meetsTitleCriteria
        self.examBasedSpecialty = examBasedSpecialty
        self.classA = classA
        self.localPharmacistRegistration = localPharmacistRegistration
    }

    public static let ageRange = 0...130
    /// More would be a mistake, not a person: the whole catalog has 27 entries.
    public static let maxQualifications = 100
}

/// 外籍人员, 港澳居民, 台湾居民, 内地居民.
public enum Nationality: String, CaseIterable, Sendable, Codable, BitwiseCopyable {
    case foreign
    case hongKongMacao = "hong_kong_macao"
    case taiwan
    case mainland

    public var name: BilingualText {
        switch self {
        case .foreign: BilingualText(zh: "外籍人员", en: "foreign national")
        case .hongKongMacao: BilingualText(zh: "港澳居民", en: "Hong Kong or Macao resident")
        case .taiwan: BilingualText(zh: "台湾居民", en: "Taiwan resident")
        case .mainland: BilingualText(zh: "内地居民", en: "mainland resident")
        }
    }
}

/// Where the person works: a zone of the catalog's scope, a linked zone or base Credence
/// does not list (its list is known to be incomplete), or somewhere else.
public enum WorkZone: Sendable, Equatable, Hashable {
    case zone(String)
    case linkedUnlisted
    case outside

    public static let outsideValue = "outside"
    public static let linkedUnlistedValue = "linked_unlisted"
    /// The values that are not zone ids; no zone may take one of them as its id.
    public static let reservedValues: Set<String> = [outsideValue, linkedUnlistedValue]

    /// Reads the API and CLI form: a zone id, `linked_unlisted` or `outside`.
    public init(_ value: String) {
        switch value {
        case Self.outsideValue: self = .outside
        case Self.linkedUnlistedValue: self = .linkedUnlisted
        default: self = .zone(value)
        }
    }

    public var value: String {
        switch self {
        case .zone(let id): id
        case .linkedUnlisted: Self.linkedUnlistedValue
        case .outside: Self.outsideValue
        }
    }
}

/// The facts of a profile, named as the API names them; reasons point at the fact that
/// would settle them, and errors at the fact that is wrong.
public enum ProfileFact: String, CaseIterable, Sendable {
    case qualifications
    case nationality
    case age
    case highTechIndustry
    case relevantExperienceYears
    case workRelatedTo
    case workZone
    case meetsTitleCriteria
    case examBasedSpecialty
    case classA
    case localPharmacistRegistration
    /// Not a fact about the person: which edition to read (the one in force by default).
    case edition
}
