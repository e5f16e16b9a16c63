/// A place where the catalog applies (notice, 一 实施范围): the Tianjin FTZ's areas and the
/// zones linked to them, together 天津自贸试验区.
public struct Zone: Hashable, Sendable, Codable {
    public var id: String
    public var name: BilingualText
    public var kind: ZoneKind
    /// Where the zone's existence and name come from.
    public var source: String?

    public init(id: String, name: BilingualText, kind: ZoneKind, source: String?) {
        self.id = id
        self.name = name
        self.kind = kind
        self.source = source
    }
}

/// The four kinds of place section 一 names.
public enum ZoneKind: String, CaseIterable, Sendable, Codable {
    /// 片区
    case ftzArea = "ftz_area"
    /// 联动创新区
    case linkedInnovationZone = "linked_innovation_zone"
    /// 联动创新示范基地
    case linkedDemonstrationBase = "linked_demonstration_base"
    /// 创新实践基地
    case innovationPracticeBase = "innovation_practice_base"

    public var name: BilingualText {
        switch self {
        case .ftzArea: BilingualText(zh: "自贸试验区片区", en: "FTZ area")
        case .linkedInnovationZone: BilingualText(zh: "联动创新区", en: "Linked innovation zone")
        case .linkedDemonstrationBase: BilingualText(zh: "联动创新示范基地", en: "Linked innovation demonstration base")
        case .innovationPracticeBase: BilingualText(zh: "创新实践基地", en: "Innovation practice base")
        }
    }
}

extension Zone {
    /// What is wrong with a zone an administrator typed, each naming its field.
    public func problems() -> [InputError] {
        var problems: [InputError] = []
        let slug = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if id.isEmpty || id.schemaLength > 80 || !slug || id.hasPrefix("-") || id.hasSuffix("-") || WorkZone.reservedValues.contains(id) {
            problems.append(InputError("id", zh: "区域编号须为小写字母、数字和连字符。", en: "The id must be a slug (not 'outside' or 'linked_unlisted')."))
        }
        if name.zh.isEmpty || name.en.isEmpty || name.zh.schemaLength > 200 || name.en.schemaLength > 300 {
            problems.append(InputError("name", zh: "请填写中英文名称。", en: "Name needs both Chinese and English (zh and en)."))
        }
        if let source, source.schemaLength > 1000 {
            problems.append(InputError("source", zh: "来源最多1000个字符。", en: "Source may have at most 1,000 characters."))
        }
        return problems
    }
}
