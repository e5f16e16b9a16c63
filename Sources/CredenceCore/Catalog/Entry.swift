/// One qualification of a catalog edition: a row of the notice's annex 1 table.
public struct Entry: Hashable, Sendable, Codable {
    /// A stable slug, the same in every edition for the same qualification.
    public var id: String
    /// The edition this row belongs to.
    public var edition: String
    /// 序号: the row number in that edition.
    public var seq: Int
    /// 境外职业资格证书名称.
    public var name: BilingualText
    public var abbreviations: [String]
    /// 国家或地区; nil where the notice leaves the cell blank.
    public var region: BilingualText?
    /// 证书颁发机构.
    public var issuer: BilingualText
    /// 专业领域, in the order printed.
    public var fields: [ProfessionalField]
    /// 备注, in full.
    public var remarks: BilingualText
    public var titleLevel: TitleLevel?
    public var minExperienceYears: Int?
    public var requiresLocalRegistration: Bool
    /// Extra search terms (body acronyms, common names); used by search only.
    public var keywords: [String]
    /// For every value the notice does not print: the field's path and where it came from.
    public var supplementary: [String: String]

    public init(
        id: String, edition: String, seq: Int, name: BilingualText, abbreviations: [String] = [],
        region: BilingualText?, issuer: BilingualText, fields: [ProfessionalField], remarks: BilingualText,
        titleLevel: TitleLevel? = nil, minExperienceYears: Int? = nil, requiresLocalRegistration: Bool = false,
        keywords: [String] = [], supplementary: [String: String] = [:]
    ) {
        self.id = id
        self.edition = edition
        self.seq = seq
        self.name = name
        self.abbreviations = abbreviations
        self.region = region
        self.issuer = issuer
        self.fields = fields
        self.remarks = remarks
        self.titleLevel = titleLevel
        self.minExperienceYears = minExperienceYears
        self.requiresLocalRegistration = requiresLocalRegistration
        self.keywords = keywords
        self.supplementary = supplementary
    }

    private enum CodingKeys: String, CodingKey {
        case id, edition, seq, name, abbreviations, region, issuer, fields, remarks, titleLevel, minExperienceYears,
             requiresLocalRegistration, keywords, supplementary
    }

    /// Reads an entry as the data file writes it: `edition` may be left to the file, and
    /// `keywords` and `supplementary` may be absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            edition: try c.decodeIfPresent(String.self, forKey: .edition) ?? "",
            seq: try c.decode(Int.self, forKey: .seq),
            name: try c.decode(BilingualText.self, forKey: .name),
            abbreviations: try c.decode([String].self, forKey: .abbreviations),
            region: try c.decodeIfPresent(BilingualText.self, forKey: .region),
            issuer: try c.decode(BilingualText.self, forKey: .issuer),
            fields: try c.decode([ProfessionalField].self, forKey: .fields),
            remarks: try c.decode(BilingualText.self, forKey: .remarks),
            titleLevel: try c.decodeIfPresent(TitleLevel.self, forKey: .titleLevel),
            minExperienceYears: try c.decodeIfPresent(Int.self, forKey: .minExperienceYears),
            requiresLocalRegistration: try c.decode(Bool.self, forKey: .requiresLocalRegistration),
            keywords: try c.decodeIfPresent([String].self, forKey: .keywords) ?? [],
            supplementary: try c.decodeIfPresent([String: String].self, forKey: .supplementary) ?? [:])
    }
}
