import CredenceCore
import Testing

/// benefits-rules.md, rule by rule. Each case starts from a profile where every fact is
/// known and favourable (`Favourable.profile`) and changes what the rule is about, so a
/// case fails for its own rule and nothing else.
@Suite struct BenefitsRulesTests {
    static let catalog: Catalog = {
        let file = try! BundledData.tianjin2023()
        return Catalog(editions: [file.edition], entries: file.entries, zones: try! BundledData.zones())
    }()
    static let zone = "binhai-cbd"

    /// One row of the table: a profile, a benefit, what it must come to, and the sentence of
    /// the notice the row rests on.
    struct RuleCase: Sendable, CustomTestStringConvertible {
        var name: String
        var profile: BenefitProfile
        var benefit: Benefit
        var status: BenefitStatus
        var level: TitleLevel? = nil
        /// Facts the reasons must ask for (the "tell us X" of a conditional result).
        var asks: Set<String> = []
        /// The notice's words the row reads ("" where the row is a v1 rule unchanged).
        var notice: String = ""
        var testDescription: String {
            "\(benefit.rawValue): \(name) → \(status.rawValue)" + (notice.isEmpty ? "" : " 「\(notice)」")
        }
    }

    /// Every fact known and favourable: a foreign CFA holder, 40, in the FTZ, whose work is
    /// in the field of every held qualification.
    static func favourable(_ qualifications: [String] = ["cfa"], _ change: (inout BenefitProfile) -> Void = { _ in })
        -> BenefitProfile
    {
        var profile = BenefitProfile(
            qualifications: qualifications, nationality: .foreign, age: 40, highTechIndustry: false,
            relevantExperienceYears: 5, workRelatedTo: qualifications, workZone: .zone(zone), meetsTitleCriteria: true,
            examBasedSpecialty: false, classA: true, localPharmacistRegistration: true)
        change(&profile)
        return profile
    }

    static let cases: [RuleCase] = scope + relatedWork + twoYearRule + practice + titles + permits + ages + entryExit + support
        + verification + nationalities + pharmacists + several

    static let scopeSentence = "在中国（天津）自由贸易试验区的各片区及其联动创新区、联动创新示范基地、创新实践基地（以下统称天津自贸试验区）区域内适用"

    // Step 1 (一 实施范围).
    static let scope: [RuleCase] = [
        RuleCase(name: "in an FTZ area", profile: favourable(), benefit: .practiceExperienceEquivalence, status: .applies, notice: scopeSentence),
        RuleCase(name: "v2: in a linked innovation zone (Binhai Hi-tech)", profile: favourable { $0.workZone = .zone("binhai-hitech-linked") },
                 benefit: .practiceExperienceEquivalence, status: .applies, notice: scopeSentence),
        RuleCase(name: "v2: in a linked zone or base not listed", profile: favourable { $0.workZone = .linkedUnlisted },
                 benefit: .practiceExperienceEquivalence, status: .conditional, notice: scopeSentence),
        RuleCase(name: "v2: not listed, a benefit that would apply", profile: favourable { $0.workZone = .linkedUnlisted },
                 benefit: .supportBinchengCard, status: .conditional, notice: scopeSentence),
        RuleCase(name: "outside", profile: favourable { $0.workZone = .outside }, benefit: .practiceExperienceEquivalence,
                 status: .notApplicable, notice: scopeSentence),
        RuleCase(name: "zone unknown", profile: favourable { $0.workZone = nil }, benefit: .practiceExperienceEquivalence,
                 status: .conditional, asks: ["workZone"], notice: scopeSentence),
        RuleCase(name: "outside, already conditional", profile: favourable { $0.workZone = .outside },
                 benefit: .supportHaiheCard, status: .notApplicable, notice: scopeSentence),
    ]

    static let relatedSentence = "从事金融、投资和管理相关工作"

    // Step 2, v2: every remark begins 从事…相关工作.
    static let relatedWork: [RuleCase] = [
        RuleCase(name: "v2: work in the field", profile: favourable(), benefit: .supportBinchengCard, status: .applies, notice: relatedSentence),
        RuleCase(name: "v2: work outside the field", profile: favourable { $0.workRelatedTo = [] },
                 benefit: .supportBinchengCard, status: .notApplicable, notice: relatedSentence),
        RuleCase(name: "v2: related work unknown", profile: favourable { $0.workRelatedTo = nil },
                 benefit: .supportBinchengCard, status: .conditional, asks: ["workRelatedTo"], notice: relatedSentence),
        RuleCase(name: "v2: related work unknown, title", profile: favourable { $0.workRelatedTo = nil },
                 benefit: .titleEquivalence, status: .conditional, level: .intermediate, asks: ["workRelatedTo"], notice: relatedSentence),
        RuleCase(name: "v2: CFA + CKA, work only in cloud computing", profile: favourable(["cfa", "cka"]) { $0.workRelatedTo = ["cka"] },
                 benefit: .titleEquivalence, status: .notApplicable, level: .intermediate, notice: relatedSentence),
        RuleCase(name: "v2: CFA + CKA, work only in cloud computing, support", profile: favourable(["cfa", "cka"]) { $0.workRelatedTo = ["cka"] },
                 benefit: .supportBinchengCard, status: .applies, notice: "从事云计算相关工作"),
    ]

    static let twoYearSentence = "从事云计算相关工作（需要有两年相关工作经验）"

    // Step 2: CKA asks for two years of related experience.
    static let twoYearRule: [RuleCase] = [
        RuleCase(name: "1.9 years", profile: favourable(["cka"]) { $0.relevantExperienceYears = 1.9 },
                 benefit: .practiceExperienceEquivalence, status: .notApplicable, notice: twoYearSentence),
        RuleCase(name: "2 years", profile: favourable(["cka"]) { $0.relevantExperienceYears = 2 },
                 benefit: .practiceExperienceEquivalence, status: .applies, notice: twoYearSentence),
        RuleCase(name: "experience unknown", profile: favourable(["cka"]) { $0.relevantExperienceYears = nil },
                 benefit: .practiceExperienceEquivalence, status: .conditional, asks: ["relevantExperienceYears"], notice: twoYearSentence),
        RuleCase(name: "1.9 years, the permit's relaxed requirements too", profile: favourable(["cka"]) { $0.relevantExperienceYears = 1.9 },
                 benefit: .permitRelaxedRequirements, status: .notApplicable, notice: twoYearSentence),
        RuleCase(name: "experience and related work unknown", profile: favourable(["cka"]) { $0.relevantExperienceYears = nil; $0.workRelatedTo = nil },
                 benefit: .supportBinchengCard, status: .conditional, asks: ["relevantExperienceYears", "workRelatedTo"], notice: twoYearSentence),
        RuleCase(name: "no requirement, experience unknown", profile: favourable(["cfa"]) { $0.relevantExperienceYears = nil },
                 benefit: .practiceExperienceEquivalence, status: .applies),
        RuleCase(name: "0 years, no requirement", profile: favourable(["cfa"]) { $0.relevantExperienceYears = 0 },
                 benefit: .practiceExperienceEquivalence, status: .applies),
    ]

    static let practiceSentence = "可以按照相关规定在天津自贸试验区执业并提供专业服务"

    static let practice: [RuleCase] = [
        RuleCase(name: "v2: practice is under the relevant regulations", profile: favourable(), benefit: .practiceFTZ,
                 status: .conditional, notice: practiceSentence),
        RuleCase(name: "v2: practice, outside", profile: favourable { $0.workZone = .outside }, benefit: .practiceFTZ,
                 status: .notApplicable, notice: practiceSentence),
        RuleCase(name: "anyone", profile: favourable { $0.nationality = .mainland }, benefit: .practiceExperienceEquivalence,
                 status: .applies, notice: "其境外从业经历可视同境内从业经历"),
        RuleCase(name: "zone unknown", profile: favourable { $0.workZone = nil }, benefit: .practiceExperienceEquivalence,
                 status: .conditional, asks: ["workZone"], notice: "其境外从业经历可视同境内从业经历"),
    ]

    static let titleSentence = "符合相应职称系列（专业）层级基本标准条件的，最高可对应为副高级职称，并可作为申报本专业上一层级职称的条件（国家规定的以考代评专业除外）"

    static let titles: [RuleCase] = [
        RuleCase(name: "criteria met", profile: favourable(), benefit: .titleEquivalence, status: .applies, level: .intermediate, notice: titleSentence),
        RuleCase(name: "criteria unknown", profile: favourable { $0.meetsTitleCriteria = nil }, benefit: .titleEquivalence,
                 status: .conditional, level: .intermediate, asks: ["meetsTitleCriteria"], notice: titleSentence),
        RuleCase(name: "intermediate entry, criteria not met", profile: favourable { $0.meetsTitleCriteria = false }, benefit: .titleEquivalence,
                 status: .notApplicable, level: .intermediate, notice: titleSentence),
        RuleCase(name: "v2: deputy senior entry, criteria not met → conditional at intermediate (最高可对应为副高级)",
                 profile: favourable(["ieee-fellow"]) { $0.meetsTitleCriteria = false }, benefit: .titleEquivalence,
                 status: .conditional, level: .intermediate, notice: "最高可对应为副高级职称"),
        RuleCase(name: "v2: exam-based specialty → at best conditional", profile: favourable { $0.examBasedSpecialty = true },
                 benefit: .titleEquivalence, status: .conditional, level: .intermediate, notice: "（国家规定的以考代评专业除外）"),
        RuleCase(name: "v2: exam-based, deputy senior", profile: favourable(["ieee-fellow"]) { $0.examBasedSpecialty = true },
                 benefit: .titleEquivalence, status: .conditional, level: .deputySenior, notice: "（国家规定的以考代评专业除外）"),
        RuleCase(name: "v2: exam-based, criteria not met (intermediate)",
                 profile: favourable { $0.examBasedSpecialty = true; $0.meetsTitleCriteria = false },
                 benefit: .titleEquivalence, status: .notApplicable, level: .intermediate, notice: "（国家规定的以考代评专业除外）"),
        RuleCase(name: "no title mapping (CKA)", profile: favourable(["cka"]), benefit: .titleEquivalence, status: .notApplicable),
        RuleCase(name: "deputy senior (IEEE Fellow)", profile: favourable(["ieee-fellow"]), benefit: .titleEquivalence,
                 status: .applies, level: .deputySenior, notice: titleSentence),
        RuleCase(name: "not exam-based, criteria met", profile: favourable(), benefit: .titleNextLevel, status: .applies,
                 level: .intermediate, notice: titleSentence),
        RuleCase(name: "exam-based", profile: favourable { $0.examBasedSpecialty = true }, benefit: .titleNextLevel,
                 status: .notApplicable, level: .intermediate, notice: "（国家规定的以考代评专业除外）"),
        RuleCase(name: "exam-based, criteria unknown",
                 profile: favourable { $0.examBasedSpecialty = true; $0.meetsTitleCriteria = nil },
                 benefit: .titleNextLevel, status: .notApplicable, level: .intermediate),
        RuleCase(name: "exam-based unknown", profile: favourable { $0.examBasedSpecialty = nil }, benefit: .titleNextLevel,
                 status: .conditional, level: .intermediate, asks: ["examBasedSpecialty"]),
        RuleCase(name: "criteria unknown", profile: favourable { $0.meetsTitleCriteria = nil }, benefit: .titleNextLevel,
                 status: .conditional, level: .intermediate, asks: ["meetsTitleCriteria"]),
        RuleCase(name: "both unknown", profile: favourable { $0.meetsTitleCriteria = nil; $0.examBasedSpecialty = nil },
                 benefit: .titleNextLevel, status: .conditional, level: .intermediate,
                 asks: ["meetsTitleCriteria", "examBasedSpecialty"]),
        RuleCase(name: "criteria not met", profile: favourable { $0.meetsTitleCriteria = false }, benefit: .titleNextLevel,
                 status: .notApplicable, level: .intermediate),
        RuleCase(name: "v2: deputy senior, criteria not met", profile: favourable(["ieee-fellow"]) { $0.meetsTitleCriteria = false },
                 benefit: .titleNextLevel, status: .conditional, level: .intermediate, notice: "最高可对应为副高级职称"),
        RuleCase(name: "no title mapping (CKA)", profile: favourable(["cka"]), benefit: .titleNextLevel, status: .notApplicable),
        RuleCase(name: "any nationality", profile: favourable { $0.nationality = .taiwan }, benefit: .titleEquivalence,
                 status: .applies, level: .intermediate),
    ]

    static let permits: [RuleCase] = [
        RuleCase(name: "foreign", profile: favourable(), benefit: .permitRelaxedRequirements, status: .applies,
                 notice: "可不受学历、学位、工作经历限制"),
        RuleCase(name: "A-class", profile: favourable(), benefit: .permitClassAFiveYear, status: .applies,
                 notice: "符合外国高端人才（A类）条件的，可办理有效期不超过5年的工作许可证"),
        RuleCase(name: "not A-class", profile: favourable { $0.classA = false }, benefit: .permitClassAFiveYear,
                 status: .notApplicable),
        RuleCase(name: "A-class unknown", profile: favourable { $0.classA = nil }, benefit: .permitClassAFiveYear,
                 status: .conditional, asks: ["classA"]),
        RuleCase(name: "v2: A-class, the letter still has its conditions", profile: favourable(), benefit: .permitHighEndConfirmationLetter,
                 status: .conditional, notice: "符合条件的外国高端人才可办理《外国高端人才确认函》"),
        RuleCase(name: "not A-class", profile: favourable { $0.classA = false }, benefit: .permitHighEndConfirmationLetter,
                 status: .notApplicable, notice: "符合条件的外国高端人才可办理《外国高端人才确认函》"),
        RuleCase(name: "v2: A-class unknown", profile: favourable { $0.classA = nil }, benefit: .permitHighEndConfirmationLetter,
                 status: .conditional, asks: ["classA"], notice: "符合条件的外国高端人才可办理《外国高端人才确认函》"),
    ]

    /// 65 / 66 / 70 / 71 with high-tech true / false / unknown, and age unknown.
    /// 「年龄可放宽至65周岁（高精尖产业领域可放宽至70周岁）」
    static let ages: [RuleCase] = {
        let expected: [Int: [Bool?: BenefitStatus]] = [
            65: [true: .applies, false: .applies, nil: .applies],
            66: [true: .applies, false: .notApplicable, nil: .conditional],
            70: [true: .applies, false: .notApplicable, nil: .conditional],
            71: [true: .notApplicable, false: .notApplicable, nil: .notApplicable],
        ]
        var cases: [RuleCase] = []
        for age in [65, 66, 70, 71] {
            for highTech in [true, false, nil] as [Bool?] {
                let status = expected[age]![highTech]!
                cases.append(RuleCase(
                    name: "age \(age), high-tech \(highTech.map(String.init) ?? "unknown")",
                    profile: favourable { $0.age = age; $0.highTechIndustry = highTech },
                    benefit: .permitAgeLimit, status: status,
                    asks: status == .conditional ? ["highTechIndustry"] : [], notice: "年龄可放宽至65周岁（高精尖产业领域可放宽至70周岁）"))
            }
        }
        cases.append(RuleCase(name: "age unknown", profile: favourable { $0.age = nil }, benefit: .permitAgeLimit,
                              status: .conditional, asks: ["age"]))
        cases.append(RuleCase(name: "age 0", profile: favourable { $0.age = 0 }, benefit: .permitAgeLimit, status: .applies))
        return cases
    }()

    static let entryExit: [RuleCase] = [
        RuleCase(name: "foreign", profile: favourable(), benefit: .entryMultiEntryVisaOrResidencePermit, status: .applies,
                 notice: "可办理有效期5年以内的多次签证或居留许可"),
        RuleCase(name: "foreign", profile: favourable(), benefit: .entryPermanentResidenceChannel, status: .conditional,
                 notice: "符合条件的纳入办理永久居留便利通道"),
        RuleCase(name: "foreign", profile: favourable(), benefit: .entryPortVisa, status: .conditional,
                 notice: "可以按照有关规定向公安机关口岸签证部门申请口岸签证"),
        RuleCase(name: "mainland", profile: favourable { $0.nationality = .mainland }, benefit: .entryPermanentResidenceChannel,
                 status: .notApplicable),
        RuleCase(name: "mainland", profile: favourable { $0.nationality = .mainland }, benefit: .entryPortVisa,
                 status: .notApplicable),
    ]

    static let support: [RuleCase] = [
        RuleCase(name: "v2: encouraged, not an entitlement", profile: favourable { $0.nationality = nil }, benefit: .supportComprehensive,
                 status: .conditional, notice: "鼓励本市行业部门、企事业单位…给予支持和保障"),
        RuleCase(name: "anyone", profile: favourable { $0.nationality = .hongKongMacao }, benefit: .supportBinchengCard,
                 status: .applies, notice: "纳入滨城人才服务证范围"),
        RuleCase(name: "on conditions", profile: favourable(), benefit: .supportHaiheCard, status: .conditional,
                 notice: "符合条件的可以申领“海河英才”卡"),
        RuleCase(name: "zone unknown", profile: favourable { $0.workZone = nil }, benefit: .supportBinchengCard,
                 status: .conditional, asks: ["workZone"]),
    ]

    static let verificationSentence = "依托北京市境外职业资格证书查询验证服务平台，本市用人单位可免费在线申请查验拟引进人才职业资格的真实性"

    // v2: the free verification is never gated.
    static let verification: [RuleCase] = [
        RuleCase(name: "anyone", profile: favourable { $0.nationality = .mainland }, benefit: .verificationFree, status: .applies,
                 notice: verificationSentence),
        RuleCase(name: "v2: outside the zones", profile: favourable { $0.workZone = .outside }, benefit: .verificationFree,
                 status: .applies, notice: verificationSentence),
        RuleCase(name: "v2: zone unknown", profile: favourable { $0.workZone = nil }, benefit: .verificationFree,
                 status: .applies, notice: verificationSentence),
        RuleCase(name: "v2: under two years' experience", profile: favourable(["cka"]) { $0.relevantExperienceYears = 1 },
                 benefit: .verificationFree, status: .applies, notice: verificationSentence),
        RuleCase(name: "v2: work outside the field", profile: favourable { $0.workRelatedTo = [] }, benefit: .verificationFree,
                 status: .applies, notice: verificationSentence),
        RuleCase(name: "v2: nationality unknown", profile: favourable { $0.nationality = nil }, benefit: .verificationFree,
                 status: .applies, notice: verificationSentence),
    ]

    /// Every nationality against every benefit for foreign nationals (「持有《目录》内境外职业资格的外籍人员」).
    static let nationalities: [RuleCase] = {
        let foreignOnly = Benefit.allCases.filter(\.isForForeignNationals)
        let conditionalRules: [Benefit] = [.entryPermanentResidenceChannel, .entryPortVisa, .permitHighEndConfirmationLetter]
        var cases: [RuleCase] = []
        for nationality in [Nationality.foreign, .hongKongMacao, .taiwan, .mainland, nil] {
            for benefit in foreignOnly {
                let rule: BenefitStatus = conditionalRules.contains(benefit) ? .conditional : .applies
                let status: BenefitStatus = switch nationality {
                case .foreign?: rule
                case nil: .conditional
                default: .notApplicable
                }
                cases.append(RuleCase(
                    name: nationality?.rawValue ?? "nationality unknown", profile: favourable { $0.nationality = nationality },
                    benefit: benefit, status: status, asks: nationality == nil ? ["nationality"] : [],
                    notice: "持有《目录》内境外职业资格的外籍人员"))
            }
        }
        return cases
    }()

    static let pharmacistSentence = "执业药师须在我市药监主管部门注册"

    static let pharmacists: [RuleCase] = [
        RuleCase(name: "v2: registered, still under the relevant regulations", profile: favourable(["uk-pharmacist"]), benefit: .practiceFTZ,
                 status: .conditional, notice: pharmacistSentence),
        RuleCase(name: "not registered", profile: favourable(["uk-pharmacist"]) { $0.localPharmacistRegistration = false },
                 benefit: .practiceFTZ, status: .conditional, notice: pharmacistSentence),
        RuleCase(name: "registration unknown", profile: favourable(["hk-pharmacist"]) { $0.localPharmacistRegistration = nil },
                 benefit: .practiceFTZ, status: .conditional, asks: ["localPharmacistRegistration"], notice: pharmacistSentence),
        RuleCase(name: "registered, 1 year", profile: favourable(["au-pharmacist"]) { $0.relevantExperienceYears = 1 },
                 benefit: .practiceFTZ, status: .notApplicable, notice: "从事药剂相关工作；执业药师须在我市药监主管部门注册（需要有两年相关工作经验）"),
        RuleCase(name: "not registered, other benefits", profile: favourable(["uk-pharmacist"]) { $0.localPharmacistRegistration = false },
                 benefit: .practiceExperienceEquivalence, status: .applies),
    ]

    /// Several qualifications: the best status wins, with the highest title level.
    static let several: [RuleCase] = [
        RuleCase(name: "CFA + IEEE Fellow", profile: favourable(["cfa", "ieee-fellow"]), benefit: .titleEquivalence,
                 status: .applies, level: .deputySenior),
        RuleCase(name: "IEEE Fellow + CFA, criteria unknown", profile: favourable(["ieee-fellow", "cfa"]) { $0.meetsTitleCriteria = nil },
                 benefit: .titleEquivalence, status: .conditional, level: .deputySenior, asks: ["meetsTitleCriteria"]),
        RuleCase(name: "v2: IEEE Fellow + CFA, criteria not met: both conditional or not, intermediate",
                 profile: favourable(["ieee-fellow", "cfa"]) { $0.meetsTitleCriteria = false },
                 benefit: .titleEquivalence, status: .conditional, level: .intermediate, notice: "最高可对应为副高级职称"),
        RuleCase(name: "CKA + CFA", profile: favourable(["cka", "cfa"]), benefit: .titleEquivalence, status: .applies,
                 level: .intermediate),
        RuleCase(name: "CKA short + CFA", profile: favourable(["cka", "cfa"]) { $0.relevantExperienceYears = 1 },
                 benefit: .supportBinchengCard, status: .applies),
        RuleCase(name: "CKA + FRM, both short", profile: favourable(["cka", "frm"]) { $0.relevantExperienceYears = 1 },
                 benefit: .supportBinchengCard, status: .notApplicable),
        RuleCase(name: "pharmacist unregistered + CKA", profile: favourable(["uk-pharmacist", "cka"]) { $0.localPharmacistRegistration = false },
                 benefit: .practiceFTZ, status: .conditional),
        RuleCase(name: "CKA, experience unknown + pharmacist",
                 profile: favourable(["cka", "uk-pharmacist"]) { $0.relevantExperienceYears = nil; $0.localPharmacistRegistration = nil },
                 benefit: .supportBinchengCard, status: .conditional, asks: ["relevantExperienceYears"]),
        RuleCase(name: "CKA twice", profile: favourable(["cka", "cka"]), benefit: .supportBinchengCard, status: .applies),
    ]

    @Test(arguments: cases)
    func rule(_ rule: RuleCase) throws {
        let evaluation = try Self.catalog.evaluateBenefits(rule.profile)
        let result = try #require(evaluation.result(for: rule.benefit))
        #expect(result.status == rule.status)
        #expect(result.level == rule.level)
        let asked = Set(result.reasons.compactMap { $0.missingFact?.rawValue })
        #expect(asked == rule.asks)
        #expect(!result.reasons.isEmpty, "every result names the fact that decided it")
    }

    /// benefits-rules.md's worked example, as version 2 reads it.
    @Test func theWorkedExampleOfTheRules() throws {
        var profile = BenefitProfile(
            qualifications: ["cka"], nationality: .foreign, age: 68, highTechIndustry: true, relevantExperienceYears: 3,
            workRelatedTo: ["cka"], workZone: .zone("tianjin-port-dongjiang"))
        let evaluation = try Self.catalog.evaluateBenefits(profile)
        #expect(evaluation.edition == "tianjin-2023")
        #expect(evaluation.result(for: .permitAgeLimit)?.status == .applies)
        #expect(evaluation.result(for: .permitClassAFiveYear)?.status == .conditional)
        #expect(evaluation.result(for: .permitClassAFiveYear)?.reasons.map(\.missingFact) == [.classA])
        #expect(evaluation.result(for: .titleEquivalence)?.status == .notApplicable)
        #expect(evaluation.result(for: .practiceFTZ)?.status == .conditional)
        #expect(evaluation.result(for: .practiceFTZ)?.reasons.contains(.practiceUnderRegulations) == true)
        #expect(evaluation.result(for: .verificationFree)?.status == .applies)
        #expect(evaluation.qualifications.map(\.status) == [.applies])
        // Without workRelatedTo, every benefit but the free verification is at best conditional.
        profile.workRelatedTo = nil
        let unknown = try Self.catalog.evaluateBenefits(profile)
        for result in unknown.benefits where result.benefit != .verificationFree {
            #expect(result.status != .applies, "\(result.benefit.rawValue)")
        }
        #expect(unknown.result(for: .verificationFree)?.status == .applies)
        #expect(unknown.result(for: .permitAgeLimit)?.reasons.compactMap(\.missingFact) == [.workRelatedTo])
    }

    /// 一: outside the zones nothing applies — but the free verification (三 sets no such condition).
    @Test func outsideTheScopeNothingAppliesButTheFreeVerification() throws {
        let evaluation = try Self.catalog.evaluateBenefits(Self.favourable(["ieee-fellow", "cfa"]) { $0.workZone = .outside })
        for result in evaluation.benefits where result.benefit != .verificationFree {
            #expect(result.status == .notApplicable && result.reasons.contains(.outsideScope), "\(result.benefit.rawValue)")
        }
        #expect(evaluation.result(for: .verificationFree)?.status == .applies)
        let outside = evaluation.text(of: .outsideScope).en
        #expect(outside.contains("linked zones and bases that Credence knows of"))
    }

    @Test func whenNoQualificationCountsNothingAppliesButTheFreeVerification() throws {
        let profile = Self.favourable(["cka", "uk-pharmacist", "itil-expert"]) { $0.relevantExperienceYears = 1.9 }
        let evaluation = try Self.catalog.evaluateBenefits(profile)
        #expect(evaluation.qualifications.map(\.status) == [.notApplicable, .notApplicable, .notApplicable])
        for result in evaluation.benefits where result.benefit != .verificationFree {
            #expect(result.status == .notApplicable, "\(result.benefit.rawValue)")
        }
        #expect(evaluation.result(for: .verificationFree)?.status == .applies)
        let reason = try #require(evaluation.result(for: .supportBinchengCard)?.reasons.first)
        #expect(evaluation.text(of: reason).en.contains("Certified Kubernetes Administrator"))
        #expect(evaluation.text(of: reason).en.contains("1.9 years"))
        // v2: the short experience says why the permit's lifted work-experience limit does not help.
        #expect(evaluation.text(of: reason).en.contains("section 2 (2) lifts the work permit's work-experience limit"))
    }

    @Test func theReasonsAreTheWinningQualifications() throws {
        // The pharmacist is unregistered (conditional), CKA's experience unknown (conditional):
        // the first held wins the tie, and its reasons are the ones shown.
        let profile = Self.favourable(["uk-pharmacist", "cka"]) {
            $0.relevantExperienceYears = nil
            $0.localPharmacistRegistration = false
        }
        let result = try #require(try Self.catalog.evaluateBenefits(profile).result(for: .practiceFTZ))
        #expect(result.status == .conditional)
        #expect(result.reasons.count == 3)
        #expect(result.reasons.contains(.experienceUnknown(qualification: 0)))
        #expect(result.reasons.contains(.practiceUnderRegulations))
        #expect(result.reasons.contains(.pharmacistRegistrationNeeded(qualification: 0, known: true)))
    }

    /// v2 byQualification: a UK pharmacist who also holds CFA sees the registration condition
    /// under practice.ftz, whichever qualification wins.
    @Test func oneQualificationsConditionIsNotHiddenByAnothers() throws {
        let profile = Self.favourable(["cfa", "uk-pharmacist"]) { $0.localPharmacistRegistration = false }
        let evaluation = try Self.catalog.evaluateBenefits(profile)
        let own = evaluation.byQualification(.practiceFTZ)
        #expect(own.count == 2)
        #expect(own.map(\.status) == [.conditional, .conditional])
        #expect(own.last?.reasons.contains(.pharmacistRegistrationNeeded(qualification: 1, known: true)) == true)
        #expect(own.first?.reasons.contains { if case .pharmacistRegistrationNeeded = $0 { true } else { false } } == false)
        #expect(evaluation.byQualification(.titleEquivalence).map(\.level) == [.intermediate, nil])
        #expect(evaluation.byQualification(.titleEquivalence).map(\.status) == [.applies, .notApplicable])
        #expect(evaluation.notes == BenefitNote.allCases)
        #expect(BenefitNote.catalogReviewed.text.zh.contains("对不符合要求的境外职业资格予以退出"))
    }

    /// The remark's field is what the related-work reasons quote.
    @Test func theRemarksFieldIsQuoted() throws {
        let cfa = try #require(Self.catalog.entry("cfa", inEdition: "tianjin-2023"))
        #expect(cfa.workField.zh == "从事金融、投资和管理相关工作")
        #expect(cfa.workField.en == "For work related to finance, investment and management")
        let pharmacist = try #require(Self.catalog.entry("uk-pharmacist", inEdition: "tianjin-2023"))
        #expect(pharmacist.workField.zh == "从事药剂相关工作")
        let evaluation = try Self.catalog.evaluateBenefits(Self.favourable { $0.workRelatedTo = [] })
        let reason = try #require(evaluation.qualifications.first?.reasons.first)
        #expect(evaluation.text(of: reason).en.contains("for work related to finance, investment and management"))
    }

    /// The shape every evaluation has, over a grid of 2,700 profiles: fifteen benefits in
    /// the rules' order, levels only on titles, a reason for every result, an unknown fact
    /// never making a benefit apply, and the same answer twice.
    @Test func everyEvaluationKeepsTheContract() throws {
        var count = 0
        for qualification in ["cfa", "cka", "uk-pharmacist"] {
            for nationality in [Nationality.foreign, .hongKongMacao, .taiwan, .mainland, nil] {
                for age in [nil, 65, 66, 70, 71] as [Int?] {
                    for highTech in [true, false, nil] as [Bool?] {
                        for zone in [WorkZone.zone(Self.zone), .linkedUnlisted, .outside, nil] {
                            for experience in [nil, 1.9, 2] as [Double?] {
                                let profile = BenefitProfile(
                                    qualifications: [qualification], nationality: nationality, age: age,
                                    highTechIndustry: highTech, relevantExperienceYears: experience,
                                    workRelatedTo: count % 3 == 0 ? nil : count % 3 == 1 ? [] : [qualification], workZone: zone)
                                let evaluation = try Self.catalog.evaluateBenefits(profile)
                                try checkContract(evaluation, profile)
                                #expect(try Self.catalog.evaluateBenefits(profile) == evaluation)
                                count += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(count == 2_700)
    }

    private func checkContract(_ evaluation: BenefitEvaluation, _ profile: BenefitProfile) throws {
        #expect(evaluation.benefits.map(\.benefit) == Benefit.allCases)
        for result in evaluation.benefits {
            #expect(evaluation.byQualification(result.benefit).count == evaluation.qualifications.count)
            if !result.benefit.isTitleBenefit { #expect(result.level == nil) }
            #expect(!result.reasons.isEmpty)
            for reason in result.reasons {
                if let fact = reason.missingFact {
                    #expect(result.status != .applies, "\(result.benefit) applies while asking for \(fact)")
                    #expect(isUnknown(fact, in: profile), "asks for \(fact), which was given")
                }
                let text = evaluation.text(of: reason)
                #expect(!text.zh.isEmpty && !text.en.isEmpty)
            }
        }
    }

    private func isUnknown(_ fact: ProfileFact, in profile: BenefitProfile) -> Bool {
        switch fact {
        case .nationality: profile.nationality == nil
        case .age: profile.age == nil
        case .highTechIndustry: profile.highTechIndustry == nil
        case .relevantExperienceYears: profile.relevantExperienceYears == nil
        case .workRelatedTo: profile.workRelatedTo == nil
        case .workZone: profile.workZone == nil
        case .meetsTitleCriteria: profile.meetsTitleCriteria == nil
        case .examBasedSpecialty: profile.examBasedSpecialty == nil
        case .classA: profile.classA == nil
        case .localPharmacistRegistration: profile.localPharmacistRegistration == nil
        case .qualifications, .edition: false
        }
    }

    @Test(arguments: [
        (BenefitProfile(qualifications: []), ProfileFact.qualifications),
        (BenefitProfile(qualifications: Array(repeating: "cfa", count: 101)), .qualifications),
        (BenefitProfile(qualifications: ["cfa", "no-such-thing"]), .qualifications),
        (BenefitProfile(qualifications: ["cfa"], age: -1), .age),
        (BenefitProfile(qualifications: ["cfa"], age: 131), .age),
        (BenefitProfile(qualifications: ["cfa"], relevantExperienceYears: -0.5), .relevantExperienceYears),
        (BenefitProfile(qualifications: ["cfa"], relevantExperienceYears: .nan), .relevantExperienceYears),
        (BenefitProfile(qualifications: ["cfa"], relevantExperienceYears: .infinity), .relevantExperienceYears),
        (BenefitProfile(qualifications: ["cfa"], workZone: .zone("atlantis")), .workZone),
        (BenefitProfile(qualifications: ["cfa"], workRelatedTo: ["cka"]), .workRelatedTo),
    ])
    func badProfilesAreRefusedNamingTheFact(_ profile: BenefitProfile, _ fact: ProfileFact) {
        #expect(throws: ProfileError.self) { try Self.catalog.evaluateBenefits(profile) }
        do {
            _ = try Self.catalog.evaluateBenefits(profile)
        } catch let error as ProfileError {
            #expect(error.fact == fact)
            #expect(!error.message.zh.isEmpty && error.message.en.hasPrefix(FieldLabel.english[fact.rawValue] ?? fact.rawValue))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func anUnknownEditionIsNamed() {
        #expect(throws: ProfileError(.edition, zh: "没有名为“tianjin-1999”的目录版本。", en: "Edition: there is no edition 'tianjin-1999'.")) {
            try Self.catalog.evaluateBenefits(BenefitProfile(qualifications: ["cfa"]), edition: "tianjin-1999")
        }
    }
}
