/// 职称层级: the professional title level an entry can be mapped to (notice, 二（一）).
public enum TitleLevel: String, CaseIterable, Sendable, Codable, Comparable, BitwiseCopyable {
    case intermediate
    case deputySenior = "deputy_senior"

    public var name: BilingualText {
        switch self {
        case .intermediate: BilingualText(zh: "中级职称", en: "Intermediate title")
        case .deputySenior: BilingualText(zh: "副高级职称", en: "Deputy senior title")
        }
    }

    /// Deputy senior (副高级) is the higher level; the notice caps the mapping there.
    public static func < (lhs: TitleLevel, rhs: TitleLevel) -> Bool {
        lhs == .intermediate && rhs == .deputySenior
    }
}

/// What an entry's remark (备注) says in terms the software can act on. The catalog data
/// carries these values; this reading is how they were derived, and tests hold the two
/// together.
public struct RemarkReading: Equatable, Sendable {
    public var titleLevel: TitleLevel?
    public var minExperienceYears: Int?
    public var requiresLocalRegistration: Bool

    public init(remark: String) {
        if remark.contains("可对应为副高级职称") {
            titleLevel = .deputySenior
        } else if remark.contains("可对应为中级职称") {
            titleLevel = .intermediate
        } else {
            titleLevel = nil
        }
        minExperienceYears = remark.contains("需要有两年相关工作经验") ? 2 : nil
        requiresLocalRegistration = remark.contains("药监主管部门注册")
    }
}
