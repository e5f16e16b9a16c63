/// Why a benefit or a qualification has its status, naming the deciding fact. Kept as
/// plain values — a qualification is named by its position in the profile, text is made
/// only when shown — so evaluating copies bytes and never touches a reference count. The
/// payloads are small on purpose (a position under 256, an age under 131, years as a
/// Float): a reason is 12 bytes, not 24, and the engine copies many (measured: the
/// typical evaluation took 2.7 µs with Int/Double payloads and six reasons a benefit).
public enum BenefitReason: Sendable, Hashable, BitwiseCopyable {
    // Step 1: scope (section 一).
    case outsideScope
    case workZoneUnknown
    /// v2: a linked zone or base Credence's list does not hold.
    case linkedZoneUnlisted

    // Step 2: does the held qualification count?
    case experienceMet(qualification: UInt8, years: Float)
    case experienceShort(qualification: UInt8, years: Float)
    case experienceUnknown(qualification: UInt8)
    /// v2: the remark's "从事…相关工作".
    case workRelated(qualification: UInt8)
    case workNotRelated(qualification: UInt8)
    case workRelationUnknown(qualification: UInt8)

    // Step 3: the benefits' own rules.
    /// v2: "可以按照相关规定…执业".
    case practiceUnderRegulations
    case pharmacistRegistered(qualification: UInt8)
    case pharmacistRegistrationNeeded(qualification: UInt8, known: Bool)
    case experienceCountsAsDomestic
    case noTitleMapping(qualification: UInt8)
    case titleCriteriaMet(level: TitleLevel)
    case titleCriteriaNotMet(level: TitleLevel)
    case titleCriteriaUnknown(level: TitleLevel)
    /// v2: "最高可对应为副高级" — below deputy senior's criteria, intermediate is not excluded.
    case titleAtMostDeputySenior
    /// v2: the 以考代评 bracket may cover the whole title sentence.
    case examBasedMayExcludeTitle
    case nextLevelGranted
    case examBasedSpecialty
    case examBasedUnknown
    case notForeignNational(Nationality)
    case nationalityUnknown
    case permitRequirementsRelaxed
    case ageWithinGeneralLimit(age: UInt8)
    case ageWithinHighTechLimit(age: UInt8)
    case ageNeedsHighTech(age: UInt8)
    case ageHighTechUnknown(age: UInt8)
    case ageOverLimit(age: UInt8)
    case ageUnknown
    case classAMet
    case classANotMet
    case classAUnknown
    /// v2: "符合条件的外国高端人才可办理".
    case confirmationLetterOnConditions
    case multiEntryGranted
    case permanentResidenceOnConditions
    case portVisaUnderRegulations
    case comprehensiveSupport
    case binchengCardGranted
    case haiheCardOnConditions
    case freeVerification

    /// The notice's own words keep the benefit conditional whatever the person answers
    /// ("按照相关规定", "符合条件的", "鼓励"): the page says this one sentence first (issue 43).
    public var keepsItConditional: Bool {
        switch self {
        case .practiceUnderRegulations, .confirmationLetterOnConditions, .permanentResidenceOnConditions, .portVisaUnderRegulations,
             .comprehensiveSupport, .haiheCardOnConditions: true
        default: false
        }
    }

    /// The profile fact that would settle this reason, when it is one the person did not give.
    public var missingFact: ProfileFact? {
        switch self {
        case .workZoneUnknown: .workZone
        case .experienceUnknown: .relevantExperienceYears
        case .workRelationUnknown: .workRelatedTo
        case .pharmacistRegistrationNeeded(_, let known): known ? nil : .localPharmacistRegistration
        case .titleCriteriaUnknown: .meetsTitleCriteria
        case .examBasedUnknown: .examBasedSpecialty
        case .nationalityUnknown: .nationality
        case .ageHighTechUnknown: .highTechIndustry
        case .ageUnknown: .age
        case .classAUnknown: .classA
        default: nil
        }
    }

    /// The position of the held qualification the reason names, if it names one: its words
    /// depend on that entry and nothing else of the profile.
    public var qualificationPosition: Int? {
        switch self {
        case .experienceMet(let position, _), .experienceShort(let position, _), .experienceUnknown(let position),
             .workRelated(let position), .workNotRelated(let position), .workRelationUnknown(let position),
             .pharmacistRegistered(let position), .pharmacistRegistrationNeeded(let position, _), .noTitleMapping(let position):
            Int(position)
        default: nil
        }
    }

    /// The reason in words; `held` are the held qualifications in profile order
    /// (`BenefitEvaluation.text(of:)` supplies them). Read in place: copying each entry out
    /// for every reason was a tenth of a benefits request (perf, issue 14).
    public func text(held: [QualificationStanding]) -> BilingualText {
        func name(_ position: UInt8) -> BilingualText {
            let index = Int(position)
            return held.indices.contains(index) ? held[index].entry.name : BilingualText(zh: "该职业资格", en: "This qualification")
        }
        func field(_ position: UInt8) -> BilingualText {
            let index = Int(position)
            return held.indices.contains(index) ? held[index].entry.workField : BilingualText(zh: "从事相关工作", en: "For related work")
        }
        return switch self {
        case .outsideScope:
            BilingualText(
                zh: "《目录》只在天津自贸试验区（各片区及其联动创新区、联动创新示范基地、创新实践基地）内适用，您的工作地点不在自贸试验区各片区和 Credence 所知的联动创新区、基地之内。",
                en: "The catalog applies only within the Tianjin FTZ (its areas and their linked innovation zones, linked innovation demonstration bases and innovation practice bases); you work outside the FTZ areas and the linked zones and bases that Credence knows of.")
        case .workZoneUnknown:
            BilingualText(
                zh: "须在天津自贸试验区（含联动创新区、联动创新示范基地、创新实践基地）内工作：请告诉我们您的工作地点。",
                en: "Only within the Tianjin FTZ (with its linked innovation zones, linked innovation demonstration bases and innovation practice bases): tell us where you work.")
        case .linkedZoneUnlisted:
            BilingualText(
                zh: "工作单位须位于天津自贸试验区的联动创新区、联动创新示范基地或创新实践基地之内；Credence 的名单并不完整，请向所在园区管理机构确认。",
                en: "Your workplace must belong to a linked innovation zone, linked innovation demonstration base or innovation practice base of the Tianjin FTZ; Credence's list of them is incomplete — confirm with the zone's administration.")
        case .workRelated(let index):
            BilingualText(
                zh: "\(name(index).zh)的备注：\(field(index).zh)；您的工作属于该领域。",
                en: "\(name(index).en) is recognized for the field in its remark (\(field(index).en.lowercasedFirst)); your work is in it.")
        case .workNotRelated(let index):
            BilingualText(
                zh: "\(name(index).zh)仅在“\(field(index).zh)”时认可，您表示您的工作不属于该领域。",
                en: "\(name(index).en) is recognized only \(field(index).en.lowercasedFirst); you said your work is not in that field.")
        case .workRelationUnknown(let index):
            BilingualText(
                zh: "\(name(index).zh)仅在“\(field(index).zh)”时认可：请告诉我们您的工作是否属于该领域。",
                en: "\(name(index).en) is recognized only \(field(index).en.lowercasedFirst): tell us whether your work is in that field.")
        case .experienceMet(let index, let years):
            BilingualText(
                zh: "\(name(index).zh)要求两年相关工作经验，您有\(Self.years(years))年。",
                en: "\(name(index).en) requires two years of related work experience; you have \(Self.yearsPhrase(years)).")
        case .experienceShort(let index, let years):
            BilingualText(
                zh: "\(name(index).zh)要求两年相关工作经验，您有\(Self.years(years))年，尚不满足。通知二（二）虽规定工作许可不受工作经历限制，但该项资格的备注要求两年相关工作经验才予认可。",
                en: "\(name(index).en) requires two years of related work experience; you have only \(Self.yearsPhrase(years)). Although section 2 (2) lifts the work permit's work-experience limit, this entry's own remark requires two years for it to be recognized at all.")
        case .experienceUnknown(let index):
            BilingualText(
                zh: "\(name(index).zh)要求两年相关工作经验：请告诉我们您的相关工作年限。",
                en: "\(name(index).en) requires two years of related work experience: tell us how many years you have.")
        case .practiceUnderRegulations:
            BilingualText(
                zh: "通知写的是“可以按照相关规定”在天津自贸试验区执业并提供专业服务：执业须符合相关规定，由主管部门认定。",
                en: "The notice says holders \"may, in accordance with the relevant regulations\" practise and provide professional services in the Tianjin FTZ: practice is subject to those regulations, which the competent authorities apply.")
        case .pharmacistRegistered(let index):
            BilingualText(
                zh: "\(name(index).zh)：您已在本市药监主管部门注册。",
                en: "\(name(index).en): you are registered with the Tianjin drug regulator.")
        case .pharmacistRegistrationNeeded(let index, let known):
            known
                ? BilingualText(
                    zh: "\(name(index).zh)：执业前须在本市药监主管部门注册，您尚未注册。",
                    en: "\(name(index).en): you must register with the Tianjin drug regulator before practising; you are not registered yet.")
                : BilingualText(
                    zh: "\(name(index).zh)：执业前须在本市药监主管部门注册：请告诉我们您是否已注册。",
                    en: "\(name(index).en): you must register with the Tianjin drug regulator before practising: tell us whether you are registered.")
        case .experienceCountsAsDomestic:
            BilingualText(zh: "境外从业经历可视同境内从业经历。", en: "Work experience abroad counts as experience in China.")
        case .noTitleMapping(let index):
            BilingualText(
                zh: "\(name(index).zh)的备注未对应职称。",
                en: "The catalog's remark for \(name(index).en) maps it to no professional title.")
        case .titleCriteriaMet(let level):
            BilingualText(
                zh: "您符合相应职称系列（专业）\(level.name.zh)的学历、年限等基本标准条件，可对应为\(level.name.zh)。",
                en: "You meet the education and experience criteria of the title series at this level: it maps to a \(level.name.en.lowercased()).")
        case .titleCriteriaNotMet(let level):
            BilingualText(
                zh: "须符合相应职称系列（专业）\(level.name.zh)的学历、年限等基本标准条件，您表示不符合。",
                en: "Needs the education and experience criteria of the title series for a \(level.name.en.lowercased()); you said you do not meet them.")
        case .titleCriteriaUnknown(let level):
            BilingualText(
                zh: "须符合相应职称系列（专业）\(level.name.zh)的学历、年限等基本标准条件：请告诉我们您是否符合。",
                en: "Needs the education and experience criteria of the title series for a \(level.name.en.lowercased()): tell us whether you meet them.")
        case .titleAtMostDeputySenior:
            BilingualText(
                zh: "通知写的是“最高可对应为副高级”：不符合副高级的基本标准条件时，并不排除对应为较低层级（中级），由职称评审部门认定。",
                en: "The notice says \"at most deputy senior\": if you do not meet the deputy senior criteria, a lower level (intermediate) is not excluded; the title authority decides.")
        case .examBasedMayExcludeTitle:
            BilingualText(
                zh: "括号中的“国家规定的以考代评专业除外”可能适用于整句（包括对应职称），而不只是上一层级；您的专业属于以考代评，须由职称主管部门认定。",
                en: "The bracket \"except specialties the state fills by exam\" may cover the whole sentence, the title equivalence included, not only the next level; your specialty is filled by exam, so the title authority decides.")
        case .nextLevelGranted:
            BilingualText(
                zh: "可作为申报本专业上一层级职称的条件（您的专业不属于以考代评专业）。",
                en: "It counts toward applying for the next title level (your specialty is not one filled by exam).")
        case .examBasedSpecialty:
            BilingualText(
                zh: "国家规定的以考代评专业除外，您的专业属于以考代评。",
                en: "Specialties the state fills by exam are excluded, and yours is one.")
        case .examBasedUnknown:
            BilingualText(
                zh: "国家规定的以考代评专业除外：请告诉我们您的专业是否以考代评。",
                en: "Specialties the state fills by exam are excluded: tell us whether yours is one.")
        case .notForeignNational(let nationality):
            BilingualText(
                zh: "工作许可和出入境便利面向外籍人员，您是\(nationality.name.zh)。",
                en: "Work-permit and entry benefits are for foreign nationals; you are a \(nationality.name.en).")
        case .nationalityUnknown:
            BilingualText(
                zh: "仅限外籍人员：请告诉我们您的身份。",
                en: "For foreign nationals only: tell us your nationality.")
        case .permitRequirementsRelaxed:
            BilingualText(
                zh: "外籍人员办理工作许可时，可不受学历、学位、工作经历限制。",
                en: "The work permit is not limited by education, degree or work experience.")
        case .ageWithinGeneralLimit(let age):
            BilingualText(zh: "您\(age)周岁，未超过65周岁。", en: "You are \(age), within the limit of 65.")
        case .ageWithinHighTechLimit(let age):
            BilingualText(
                zh: "您\(age)周岁，在高精尖产业领域工作，年龄可放宽至70周岁。",
                en: "You are \(age) and work in a high-tech industry, where the limit is 70.")
        case .ageNeedsHighTech(let age):
            BilingualText(
                zh: "您\(age)周岁，超过65周岁；放宽至70周岁仅限高精尖产业领域，您表示不在其中。",
                en: "You are \(age), over 65; the limit of 70 is only for high-tech industries, and you said you do not work in one.")
        case .ageHighTechUnknown(let age):
            BilingualText(
                zh: "您\(age)周岁，超过65周岁；高精尖产业领域可放宽至70周岁：请告诉我们您是否在该领域工作。",
                en: "You are \(age), over 65; high-tech industries allow up to 70: tell us whether you work in one.")
        case .ageOverLimit(let age):
            BilingualText(
                zh: "您\(age)周岁，超过70周岁的放宽上限。",
                en: "You are \(age), over the highest relaxed limit of 70.")
        case .ageUnknown:
            BilingualText(
                zh: "年龄可放宽至65周岁（高精尖产业领域70周岁）：请告诉我们您的年龄。",
                en: "The limit is 65 (70 in high-tech industries): tell us your age.")
        case .classAMet:
            BilingualText(
                zh: "您符合外国高端人才（A类）条件，可办理有效期不超过5年的工作许可证。",
                en: "You meet the A-class foreign high-end talent conditions: a work permit valid for up to 5 years.")
        case .classANotMet:
            BilingualText(
                zh: "须符合外国高端人才（A类）条件，您表示不符合。",
                en: "Needs the A-class foreign high-end talent conditions; you said you do not meet them.")
        case .classAUnknown:
            BilingualText(
                zh: "须符合外国高端人才（A类）条件：请告诉我们您是否符合。",
                en: "Needs the A-class foreign high-end talent conditions: tell us whether you meet them.")
        case .confirmationLetterOnConditions:
            BilingualText(
                zh: "通知写的是“符合条件的外国高端人才可办理《外国高端人才确认函》”：确认函另有条件，由主管部门认定。",
                en: "The notice says \"foreign high-end talent who meet the conditions\" can obtain the Foreign High-end Talent Confirmation Letter: the letter has conditions of its own, which the authorities apply.")
        case .multiEntryGranted:
            BilingualText(
                zh: "外籍人员可办理有效期5年以内的多次签证或居留许可。",
                en: "Foreign nationals can obtain a multiple-entry visa or residence permit valid for up to 5 years.")
        case .permanentResidenceOnConditions:
            BilingualText(
                zh: "“符合条件的”纳入办理永久居留便利通道；条件由出入境管理部门认定。",
                en: "The fast channel to permanent residence is only for those who \"meet the conditions\", which the exit-entry authority decides.")
        case .portVisaUnderRegulations:
            BilingualText(
                zh: "“按照有关规定”向公安机关口岸签证部门申请；是否签发由该部门依规定决定。",
                en: "Applied for \"under the relevant regulations\" to the public security authorities' port visa office, which decides.")
        case .comprehensiveSupport:
            BilingualText(
                zh: "通知写的是“鼓励”行业部门、企事业单位给予支持和保障：这是鼓励，不是可以主张的权利。",
                en: "The notice encourages authorities and employers to give holders support; it is encouragement, not an entitlement.")
        case .binchengCardGranted:
            BilingualText(
                zh: "持有《目录》内境外职业资格的人员纳入滨城人才服务证范围，享受专属服务。",
                en: "Holders of catalog qualifications are covered by the Bincheng Talent Service Card.")
        case .haiheCardOnConditions:
            BilingualText(
                zh: "“符合条件的”可以申领“海河英才”卡；条件由“海河英才”相关规定确定。",
                en: "Only for those who \"meet the conditions\" set by the Haihe Talent rules.")
        case .freeVerification:
            BilingualText(
                zh: "本市用人单位可依托北京市境外职业资格证书查询验证服务平台，免费在线申请查验拟引进人才职业资格的真实性；查验只确认证书的真实性，不代表持证人的实际资历和水平（附件2第四点）。",
                en: "A Tianjin employer can have your certificate's authenticity checked online, free of charge, through the Beijing Foreign Professional Qualification Certificate Verification Service Platform the notice relies on; the check confirms only that the certificate is authentic, not the holder's actual qualifications or level (annex 2, point 4).")
        }
    }

    /// "1 year", "1.9 years".
    static func yearsPhrase(_ value: Float) -> String {
        value == 1 ? "1 year" : "\(years(value)) years"
    }

    /// 1.9 → "1.9", 3 → "3": whole years without a fraction, others in their shortest form
    /// (a Float prints 1.9, not 1.899999976). Reasons carry Floats, error messages Doubles.
    static func years<Years: BinaryFloatingPoint & LosslessStringConvertible>(_ value: Years) -> String {
        value == value.rounded() && abs(value) < 1e7 ? String(Int(value)) : String(value)
    }
}
