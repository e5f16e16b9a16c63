/// The fifteen benefits of section 二 (and the verification service of section 三), in
/// the order of benefits-rules.md. The raw values are stable API ids.
public enum Benefit: String, CaseIterable, Sendable, BitwiseCopyable {
    case practiceFTZ = "practice.ftz"
    case practiceExperienceEquivalence = "practice.experience_equivalence"
    case titleEquivalence = "title.equivalence"
    case titleNextLevel = "title.next_level"
    case permitRelaxedRequirements = "permit.relaxed_requirements"
    case permitAgeLimit = "permit.age_limit"
    case permitClassAFiveYear = "permit.class_a_five_year"
    case permitHighEndConfirmationLetter = "permit.high_end_confirmation_letter"
    case entryMultiEntryVisaOrResidencePermit = "entry.multi_entry_visa_or_residence_permit"
    case entryPermanentResidenceChannel = "entry.permanent_residence_channel"
    case entryPortVisa = "entry.port_visa"
    case supportComprehensive = "support.comprehensive"
    case supportBinchengCard = "support.bincheng_card"
    case supportHaiheCard = "support.haihe_card"
    case verificationFree = "verification.free"

    /// `allCases`, made once: the synthesized property builds a new array on every call.
    public static let all = allCases

    public var group: BenefitGroup {
        switch self {
        case .practiceFTZ, .practiceExperienceEquivalence, .titleEquivalence, .titleNextLevel: .practice
        case .permitRelaxedRequirements, .permitAgeLimit, .permitClassAFiveYear, .permitHighEndConfirmationLetter:
            .workPermit
        case .entryMultiEntryVisaOrResidencePermit, .entryPermanentResidenceChannel, .entryPortVisa: .entryExit
        case .supportComprehensive, .supportBinchengCard, .supportHaiheCard: .support
        case .verificationFree: .verification
        }
    }

    /// The clause of the notice it comes from, as printed: `二（一）`, `三`.
    public var clause: String { group.clause }

    /// Work permits and visas are for foreign nationals (二（二）, 二（三） say 外籍人员).
    public var isForForeignNationals: Bool {
        group == .workPermit || group == .entryExit
    }

    /// Only these carry a title `level`.
    public var isTitleBenefit: Bool {
        self == .titleEquivalence || self == .titleNextLevel
    }

    public var title: BilingualText {
        switch self {
        case .practiceFTZ:
            BilingualText(zh: "在天津自贸试验区执业并提供专业服务",
                          en: "Practise and provide professional services in the Tianjin FTZ")
        case .practiceExperienceEquivalence:
            BilingualText(zh: "境外从业经历视同境内从业经历", en: "Experience abroad counts as experience in China")
        case .titleEquivalence:
            BilingualText(zh: "对应职称", en: "Equivalent professional title")
        case .titleNextLevel:
            BilingualText(zh: "作为申报本专业上一层级职称的条件",
                          en: "Counts toward applying for the next title level in the specialty")
        case .permitRelaxedRequirements:
            BilingualText(zh: "工作许可不受学历、学位、工作经历限制",
                          en: "Work permit without education, degree or work-experience limits")
        case .permitAgeLimit:
            BilingualText(zh: "工作许可年龄放宽至65周岁（高精尖产业领域70周岁）",
                          en: "Work permit age limit raised to 65 (70 in high-tech industries)")
        case .permitClassAFiveYear:
            BilingualText(zh: "有效期不超过5年的工作许可证（外国高端人才（A类））",
                          en: "Work permit valid for up to 5 years (A-class foreign high-end talent)")
        case .permitHighEndConfirmationLetter:
            BilingualText(zh: "《外国高端人才确认函》", en: "Foreign High-end Talent Confirmation Letter")
        case .entryMultiEntryVisaOrResidencePermit:
            BilingualText(zh: "有效期5年以内的多次签证或居留许可",
                          en: "Multiple-entry visa or residence permit valid for up to 5 years")
        case .entryPermanentResidenceChannel:
            BilingualText(zh: "办理永久居留便利通道", en: "Fast channel to permanent residence")
        case .entryPortVisa:
            BilingualText(zh: "向公安机关口岸签证部门申请口岸签证", en: "Port visa from the public security authorities' port visa office")
        case .supportComprehensive:
            BilingualText(zh: "创新创业、人才培养、子女入学、社会保障、评价激励等方面的支持和保障",
                          en: "Support in start-ups, training, children's schooling, social security and recognition")
        case .supportBinchengCard:
            BilingualText(zh: "滨城人才服务证及专属服务", en: "Bincheng Talent Service Card and its dedicated services")
        case .supportHaiheCard:
            BilingualText(zh: "“海河英才”卡及相应服务", en: "Haihe Talent Card and its services")
        case .verificationFree:
            BilingualText(zh: "用人单位免费在线查验证书真实性",
                          en: "Free online check of the certificate's authenticity for the employer")
        }
    }
}

/// The notice's four groups of support (二（一）–（四）) and the verification service (三).
public enum BenefitGroup: String, CaseIterable, Sendable {
    case practice
    case workPermit = "work_permit"
    case entryExit = "entry_exit"
    case support
    case verification

    public var clause: String {
        switch self {
        case .practice: "二（一）"
        case .workPermit: "二（二）"
        case .entryExit: "二（三）"
        case .support: "二（四）"
        case .verification: "三"
        }
    }

    /// The clause as each language writes it: `二（一）` in Chinese, `2 (1)` in English.
    public var clauseName: BilingualText {
        let english: String = switch self {
        case .practice: "2 (1)"
        case .workPermit: "2 (2)"
        case .entryExit: "2 (3)"
        case .support: "2 (4)"
        case .verification: "3"
        }
        return BilingualText(zh: clause, en: english)
    }

    /// The anchor of the clause on the notice page (see `Notice`).
    public var noticeAnchor: String {
        switch self {
        case .practice: "二-一"
        case .workPermit: "二-二"
        case .entryExit: "二-三"
        case .support: "二-四"
        case .verification: "三"
        }
    }

    /// The clause's heading as the notice prints it.
    public var title: BilingualText {
        switch self {
        case .practice: BilingualText(zh: "提供从业便利", en: "Practice")
        case .workPermit: BilingualText(zh: "提供工作许可便利", en: "Work permits")
        case .entryExit: BilingualText(zh: "提供出入境便利", en: "Entry and exit")
        case .support: BilingualText(zh: "提供综合支持保障", en: "Comprehensive support")
        case .verification: BilingualText(zh: "共享证书查询验证服务", en: "Certificate verification service")
        }
    }
}

/// applies > conditional > not_applicable; the steps combine by taking the lowest.
public enum BenefitStatus: String, CaseIterable, Sendable, Comparable, BitwiseCopyable {
    case notApplicable = "not_applicable"
    case conditional
    case applies

    private var rank: Int {
        switch self {
        case .notApplicable: 0
        case .conditional: 1
        case .applies: 2
        }
    }

    public static func < (lhs: BenefitStatus, rhs: BenefitStatus) -> Bool { lhs.rank < rhs.rank }

    public var name: BilingualText {
        switch self {
        case .applies: BilingualText(zh: "适用", en: "Applies")
        case .conditional: BilingualText(zh: "有条件适用", en: "Conditional")
        case .notApplicable: BilingualText(zh: "不适用", en: "Does not apply")
        }
    }
}
