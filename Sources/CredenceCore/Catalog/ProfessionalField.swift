/// 专业领域: the professional fields the catalog groups qualifications by.
public enum ProfessionalField: String, CaseIterable, Sendable, Codable {
    case planning
    case finance
    case accounting
    case scienceTechnology = "science_technology"
    case engineering
    case informationTechnology = "information_technology"
    case healthcare

    /// The field's name; `zh` is the wording of the notice's 专业领域 column.
    public var name: BilingualText {
        switch self {
        case .planning: BilingualText(zh: "规划", en: "Planning")
        case .finance: BilingualText(zh: "金融", en: "Finance")
        case .accounting: BilingualText(zh: "会计", en: "Accounting")
        case .scienceTechnology: BilingualText(zh: "科技", en: "Science and technology")
        case .engineering: BilingualText(zh: "工程", en: "Engineering")
        case .informationTechnology: BilingualText(zh: "信息技术", en: "Information technology")
        case .healthcare: BilingualText(zh: "医疗健康服务", en: "Healthcare services")
        }
    }
}
