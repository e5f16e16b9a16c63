import CredenceCore

/// How the benefits page asks for each fact, and why it asks: every question is optional,
/// so each one says which part of the notice its answer decides.
struct ProfileQuestion {
    var fact: ProfileFact
    var label: BilingualText
    var why: BilingualText

    /// The page's field id, which "tell us" links point at.
    var anchor: String { "q-" + fact.rawValue }

    static let all: [ProfileQuestion] = [
        ProfileQuestion(
            fact: .workZone,
            label: BilingualText(zh: "工作地点", en: "Where do you work?"),
            why: BilingualText(
                zh: "《目录》只在天津自贸试验区各片区及其联动创新区、联动创新示范基地、创新实践基地内适用（通知一）。下面列出有来源的片区和联动创新区；名单并不完整，不在其中的联动创新区或基地请选“未列出的联动创新区或基地”。",
                en: "The catalog applies only within the Tianjin FTZ areas and their linked innovation zones, linked innovation demonstration bases and innovation practice bases (notice, section 1). The list holds the areas and linked zones a source names; it is incomplete, so pick \"a linked zone or base not listed\" for one that is missing.")),
        ProfileQuestion(
            fact: .nationality,
            label: BilingualText(zh: "身份", en: "Nationality"),
            why: BilingualText(
                zh: "工作许可和出入境便利只面向外籍人员（通知二（二）、二（三））。",
                en: "Work-permit and entry-exit benefits are for foreign nationals only (notice, section 2 (2) and 2 (3)).")),
        ProfileQuestion(
            fact: .age,
            label: BilingualText(zh: "年龄（周岁）", en: "Age (whole years)"),
            why: BilingualText(
                zh: "工作许可年龄可放宽至65周岁，高精尖产业领域可放宽至70周岁（通知二（二））。",
                en: "The work-permit age limit is raised to 65, or 70 in high-tech industries (notice, section 2 (2)).")),
        ProfileQuestion(
            fact: .highTechIndustry,
            label: BilingualText(zh: "是否在高精尖产业领域工作", en: "Do you work in a high-tech (高精尖) industry?"),
            why: BilingualText(
                zh: "65至70周岁的人员，只有在高精尖产业领域才可放宽年龄（通知二（二））。",
                en: "Between 65 and 70, the age limit is raised only in high-tech industries (notice, section 2 (2)).")),
        ProfileQuestion(
            fact: .relevantExperienceYears,
            label: BilingualText(zh: "相关工作年限（境外工作年限也计算在内）", en: "Years of related work experience (years abroad count)"),
            why: BilingualText(
                zh: "部分资格（如CKA、AWS、药剂师）的备注要求有两年相关工作经验（附件1）；境外从业经历可视同境内从业经历（通知二（一）），请把在境外的相关工作年限一并算上。",
                en: "Some entries (CKA, AWS, the pharmacists…) ask for two years of related work in their remark (annex 1); experience abroad counts as experience in China (notice, section 2 (1)), so count your years abroad too.")),
        ProfileQuestion(
            fact: .workRelatedTo,
            label: BilingualText(zh: "您的工作是否属于该资格备注所写的领域", en: "Is your work in the field of your qualification?"),
            why: BilingualText(
                zh: "《目录》每一项的备注都以“从事…相关工作”开头：资格只在从事该领域工作时认可（附件1）。",
                en: "Every entry's remark begins \"for work related to …\": a qualification is recognized for work in that field (annex 1).")),
        ProfileQuestion(
            fact: .meetsTitleCriteria,
            label: BilingualText(
                zh: "是否符合相应职称系列（专业）层级的学历、年限等基本标准条件",
                en: "Do you meet the education and experience criteria of the title series at that level?"),
            why: BilingualText(
                zh: "符合相应层级基本标准条件的，才可对应为中级或副高级职称（通知二（一））。",
                en: "Only those who meet the level's basic criteria map to an intermediate or deputy senior title (notice, section 2 (1)).")),
        ProfileQuestion(
            fact: .examBasedSpecialty,
            label: BilingualText(
                zh: "您的专业是否属于国家规定的以考代评专业", en: "Is your specialty one the state fills by exam (以考代评)?"),
            why: BilingualText(
                zh: "以考代评专业不能以此作为申报上一层级职称的条件（通知二（一））。",
                en: "Exam-based specialties cannot use it toward the next title level (notice, section 2 (1)).")),
        ProfileQuestion(
            fact: .classA,
            label: BilingualText(
                zh: "是否符合外国高端人才（A类）条件", en: "Do you meet the A-class foreign high-end talent conditions?"),
            why: BilingualText(
                zh: "A类人才可办理有效期不超过5年的工作许可证和《外国高端人才确认函》（通知二（二））。",
                en: "A-class talent can get a work permit of up to 5 years and the confirmation letter (notice, section 2 (2)).")),
        ProfileQuestion(
            fact: .localPharmacistRegistration,
            label: BilingualText(
                zh: "是否已在本市药监主管部门注册（药剂师）", en: "Are you registered with the Tianjin drug regulator (pharmacists)?"),
            why: BilingualText(
                zh: "药剂师资格须在本市药监主管部门注册后执业（附件1第25–27项备注）。",
                en: "Pharmacists practise once registered with the Tianjin drug regulator (annex 1, entries 25–27).")),
    ]

    static func question(for fact: ProfileFact) -> ProfileQuestion? {
        all.first { $0.fact == fact }
    }
}
