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

    /// One row of the table: a profile, a benefit, what it must come to.
    struct RuleCase: Sendable, CustomTestStringConvertible {
        var name: String
        var profile: BenefitProfile
        var benefit: Benefit
        var status: BenefitStatus
        var level: TitleLevel? = nil
        /// Facts the reasons must ask for (the "tell us X" of a conditional result).
        var asks: Set<String> = []
        var testDescription: String { "\(benefit.rawValue): \(name) → \(status.rawValue)" }
    }

    /// Every fact known and favourable: a foreign CFA holder, 40, in the FTZ.
    static func favourable(_ qualifications: [String] = ["cfa"], _ change: (inout BenefitProfile) -> Void = { _ in })
        -> BenefitProfile
    {
        var profile = BenefitProfile(
            qualifications: qualifications, nationality: .foreign, age: 40, highTechIndustry: false,
            relevantExperienceYears: 5, workZone: .zone(zone), meetsTitleCriteria: true, examBasedSpecialty: false,
            classA: true, localPharmacistRegistration: true)
        change(&profile)
        return profile
    }

    static let cases: [RuleCase] = scope + twoYearRule + practice + titles + permits + ages + entryExit + support
        + nationalities + pharmacists + several

    // Step 1.
    static let scope: [RuleCase] = [
        RuleCase(name: "in a zone", profile: favourable(), benefit: .practiceFTZ, status: .applies),
        RuleCase(name: "outside", profile: favourable { $0.workZone = .outside }, benefit: .practiceFTZ, status: .notApplicable),
        RuleCase(name: "zone unknown", profile: favourable { $0.workZone = nil }, benefit: .practiceFTZ,
                 status: .conditional, asks: ["workZone"]),
        RuleCase(name: "zone unknown, verification", profile: favourable { $0.workZone = nil }, benefit: .verificationFree,
                 status: .conditional, asks: ["workZone"]),
        RuleCase(name: "outside, already conditional", profile: favourable { $0.workZone = .outside },
                 benefit: .supportHaiheCard, status: .notApplicable),
    ]

    // Step 2: CKA asks for two years of related experience.
    static let twoYearRule: [RuleCase] = [
        RuleCase(name: "1.9 years", profile: favourable(["cka"]) { $0.relevantExperienceYears = 1.9 },
                 benefit: .practiceFTZ, status: .notApplicable),
        RuleCase(name: "2 years", profile: favourable(["cka"]) { $0.relevantExperienceYears = 2 },
                 benefit: .practiceFTZ, status: .applies),
        RuleCase(name: "experience unknown", profile: favourable(["cka"]) { $0.relevantExperienceYears = nil },
                 benefit: .practiceFTZ, status: .conditional, asks: ["relevantExperienceYears"]),
        RuleCase(name: "1.9 years, support", profile: favourable(["cka"]) { $0.relevantExperienceYears = 1.9 },
                 benefit: .supportBinchengCard, status: .notApplicable),
        RuleCase(name: "no requirement, experience unknown", profile: favourable(["cfa"]) { $0.relevantExperienceYears = nil },
                 benefit: .practiceFTZ, status: .applies),
        RuleCase(name: "0 years, no requirement", profile: favourable(["cfa"]) { $0.relevantExperienceYears = 0 },
                 benefit: .practiceExperienceEquivalence, status: .applies),
    ]

    static let practice: [RuleCase] = [
        RuleCase(name: "anyone", profile: favourable { $0.nationality = .mainland }, benefit: .practiceExperienceEquivalence,
                 status: .applies),
        RuleCase(name: "zone unknown", profile: favourable { $0.workZone = nil }, benefit: .practiceExperienceEquivalence,
                 status: .conditional, asks: ["workZone"]),
        RuleCase(name: "outside", profile: favourable { $0.workZone = .outside }, benefit: .practiceExperienceEquivalence,
                 status: .notApplicable),
    ]

    static let titles: [RuleCase] = [
        RuleCase(name: "criteria met", profile: favourable(), benefit: .titleEquivalence, status: .applies, level: .intermediate),
        RuleCase(name: "criteria unknown", profile: favourable { $0.meetsTitleCriteria = nil }, benefit: .titleEquivalence,
                 status: .conditional, level: .intermediate, asks: ["meetsTitleCriteria"]),
        RuleCase(name: "criteria not met", profile: favourable { $0.meetsTitleCriteria = false }, benefit: .titleEquivalence,
                 status: .notApplicable, level: .intermediate),
        RuleCase(name: "no title mapping (CKA)", profile: favourable(["cka"]), benefit: .titleEquivalence, status: .notApplicable),
        RuleCase(name: "deputy senior (IEEE Fellow)", profile: favourable(["ieee-fellow"]), benefit: .titleEquivalence,
                 status: .applies, level: .deputySenior),
        RuleCase(name: "not exam-based, criteria met", profile: favourable(), benefit: .titleNextLevel, status: .applies,
                 level: .intermediate),
        RuleCase(name: "exam-based", profile: favourable { $0.examBasedSpecialty = true }, benefit: .titleNextLevel,
                 status: .notApplicable, level: .intermediate),
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
        RuleCase(name: "no title mapping (CKA)", profile: favourable(["cka"]), benefit: .titleNextLevel, status: .notApplicable),
        RuleCase(name: "any nationality", profile: favourable { $0.nationality = .taiwan }, benefit: .titleEquivalence,
                 status: .applies, level: .intermediate),
    ]

    static let permits: [RuleCase] = [
        RuleCase(name: "foreign", profile: favourable(), benefit: .permitRelaxedRequirements, status: .applies),
        RuleCase(name: "A-class", profile: favourable(), benefit: .permitClassAFiveYear, status: .applies),
        RuleCase(name: "not A-class", profile: favourable { $0.classA = false }, benefit: .permitClassAFiveYear,
                 status: .notApplicable),
        RuleCase(name: "A-class unknown", profile: favourable { $0.classA = nil }, benefit: .permitClassAFiveYear,
                 status: .conditional, asks: ["classA"]),
        RuleCase(name: "A-class", profile: favourable(), benefit: .permitHighEndConfirmationLetter, status: .applies),
        RuleCase(name: "not A-class", profile: favourable { $0.classA = false }, benefit: .permitHighEndConfirmationLetter,
                 status: .notApplicable),
        RuleCase(name: "A-class unknown", profile: favourable { $0.classA = nil }, benefit: .permitHighEndConfirmationLetter,
                 status: .conditional, asks: ["classA"]),
    ]

    /// 65 / 66 / 70 / 71 with high-tech true / false / unknown, and age unknown.
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
                    asks: status == .conditional ? ["highTechIndustry"] : []))
            }
        }
        cases.append(RuleCase(name: "age unknown", profile: favourable { $0.age = nil }, benefit: .permitAgeLimit,
                              status: .conditional, asks: ["age"]))
        cases.append(RuleCase(name: "age 0", profile: favourable { $0.age = 0 }, benefit: .permitAgeLimit, status: .applies))
        return cases
    }()

    static let entryExit: [RuleCase] = [
        RuleCase(name: "foreign", profile: favourable(), benefit: .entryMultiEntryVisaOrResidencePermit, status: .applies),
        RuleCase(name: "foreign", profile: favourable(), benefit: .entryPermanentResidenceChannel, status: .conditional),
        RuleCase(name: "foreign", profile: favourable(), benefit: .entryPortVisa, status: .conditional),
        RuleCase(name: "mainland", profile: favourable { $0.nationality = .mainland }, benefit: .entryPermanentResidenceChannel,
                 status: .notApplicable),
        RuleCase(name: "mainland", profile: favourable { $0.nationality = .mainland }, benefit: .entryPortVisa,
                 status: .notApplicable),
    ]

    static let support: [RuleCase] = [
        RuleCase(name: "anyone", profile: favourable { $0.nationality = nil }, benefit: .supportComprehensive, status: .applies),
        RuleCase(name: "anyone", profile: favourable { $0.nationality = .hongKongMacao }, benefit: .supportBinchengCard,
                 status: .applies),
        RuleCase(name: "on conditions", profile: favourable(), benefit: .supportHaiheCard, status: .conditional),
        RuleCase(name: "anyone", profile: favourable { $0.nationality = .mainland }, benefit: .verificationFree, status: .applies),
        RuleCase(name: "zone unknown", profile: favourable { $0.workZone = nil }, benefit: .supportComprehensive,
                 status: .conditional, asks: ["workZone"]),
    ]

    /// Every nationality against every benefit for foreign nationals.
    static let nationalities: [RuleCase] = {
        let foreignOnly = Benefit.allCases.filter(\.isForForeignNationals)
        var cases: [RuleCase] = []
        for nationality in [Nationality.foreign, .hongKongMacao, .taiwan, .mainland, nil] {
            for benefit in foreignOnly {
                let rule: BenefitStatus = [.entryPermanentResidenceChannel, .entryPortVisa].contains(benefit) ? .conditional : .applies
                let status: BenefitStatus = switch nationality {
                case .foreign?: rule
                case nil: .conditional
                default: .notApplicable
                }
                cases.append(RuleCase(
                    name: nationality?.rawValue ?? "nationality unknown", profile: favourable { $0.nationality = nationality },
                    benefit: benefit, status: status, asks: nationality == nil ? ["nationality"] : []))
            }
        }
        return cases
    }()

    static let pharmacists: [RuleCase] = [
        RuleCase(name: "registered", profile: favourable(["uk-pharmacist"]), benefit: .practiceFTZ, status: .applies),
        RuleCase(name: "not registered", profile: favourable(["uk-pharmacist"]) { $0.localPharmacistRegistration = false },
                 benefit: .practiceFTZ, status: .conditional),
        RuleCase(name: "registration unknown", profile: favourable(["hk-pharmacist"]) { $0.localPharmacistRegistration = nil },
                 benefit: .practiceFTZ, status: .conditional, asks: ["localPharmacistRegistration"]),
        RuleCase(name: "registered, 1 year", profile: favourable(["au-pharmacist"]) { $0.relevantExperienceYears = 1 },
                 benefit: .practiceFTZ, status: .notApplicable),
        RuleCase(name: "not registered, other benefits", profile: favourable(["uk-pharmacist"]) { $0.localPharmacistRegistration = false },
                 benefit: .practiceExperienceEquivalence, status: .applies),
    ]

    /// Several qualifications: the best status wins, with the highest title level.
    static let several: [RuleCase] = [
        RuleCase(name: "CFA + IEEE Fellow", profile: favourable(["cfa", "ieee-fellow"]), benefit: .titleEquivalence,
                 status: .applies, level: .deputySenior),
        RuleCase(name: "IEEE Fellow + CFA, criteria unknown", profile: favourable(["ieee-fellow", "cfa"]) { $0.meetsTitleCriteria = nil },
                 benefit: .titleEquivalence, status: .conditional, level: .deputySenior, asks: ["meetsTitleCriteria"]),
        RuleCase(name: "CKA + CFA", profile: favourable(["cka", "cfa"]), benefit: .titleEquivalence, status: .applies,
                 level: .intermediate),
        RuleCase(name: "CKA short + CFA", profile: favourable(["cka", "cfa"]) { $0.relevantExperienceYears = 1 },
                 benefit: .practiceFTZ, status: .applies),
        RuleCase(name: "CKA + FRM, both short", profile: favourable(["cka", "frm"]) { $0.relevantExperienceYears = 1 },
                 benefit: .practiceFTZ, status: .notApplicable),
        RuleCase(name: "pharmacist unregistered + CKA", profile: favourable(["uk-pharmacist", "cka"]) { $0.localPharmacistRegistration = false },
                 benefit: .practiceFTZ, status: .applies),
        RuleCase(name: "CKA, experience unknown + pharmacist, unregistered",
                 profile: favourable(["cka", "uk-pharmacist"]) { $0.relevantExperienceYears = nil; $0.localPharmacistRegistration = nil },
                 benefit: .practiceFTZ, status: .conditional, asks: ["relevantExperienceYears"]),
        RuleCase(name: "CKA twice", profile: favourable(["cka", "cka"]), benefit: .practiceFTZ, status: .applies),
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

    @Test func theWorkedExampleOfTheRules() throws {
        let profile = BenefitProfile(
            qualifications: ["cka"], nationality: .foreign, age: 68, highTechIndustry: true, relevantExperienceYears: 3,
            workZone: .zone("tianjin-port-dongjiang"))
        let evaluation = try Self.catalog.evaluateBenefits(profile)
        #expect(evaluation.edition == "tianjin-2023")
        #expect(evaluation.result(for: .permitAgeLimit)?.status == .applies)
        #expect(evaluation.result(for: .permitClassAFiveYear)?.status == .conditional)
        #expect(evaluation.result(for: .permitClassAFiveYear)?.reasons.map(\.missingFact) == [.classA])
        #expect(evaluation.result(for: .titleEquivalence)?.status == .notApplicable)
        #expect(evaluation.result(for: .practiceFTZ)?.status == .applies)
        #expect(evaluation.qualifications.map(\.status) == [.applies])
    }

    @Test func outsideTheScopeNothingApplies() throws {
        let evaluation = try Self.catalog.evaluateBenefits(Self.favourable(["ieee-fellow", "cfa"]) { $0.workZone = .outside })
        #expect(evaluation.benefits.allSatisfy { $0.status == .notApplicable && $0.reasons.contains(.outsideScope) })
    }

    @Test func whenNoQualificationCountsNothingApplies() throws {
        let profile = Self.favourable(["cka", "uk-pharmacist", "itil-expert"]) { $0.relevantExperienceYears = 1.9 }
        let evaluation = try Self.catalog.evaluateBenefits(profile)
        #expect(evaluation.qualifications.map(\.status) == [.notApplicable, .notApplicable, .notApplicable])
        #expect(evaluation.benefits.allSatisfy { $0.status == .notApplicable })
        let reason = try #require(evaluation.result(for: .verificationFree)?.reasons.first)
        #expect(evaluation.text(of: reason).en.contains("Certified Kubernetes Administrator"))
        #expect(evaluation.text(of: reason).en.contains("1.9 years"))
    }

    @Test func theReasonsAreTheWinningQualifications() throws {
        // The pharmacist is unregistered (conditional), CKA's experience unknown (conditional):
        // the first held wins the tie, and its reason is the one shown.
        let profile = Self.favourable(["uk-pharmacist", "cka"]) {
            $0.relevantExperienceYears = nil
            $0.localPharmacistRegistration = false
        }
        let result = try #require(try Self.catalog.evaluateBenefits(profile).result(for: .practiceFTZ))
        #expect(result.status == .conditional)
        #expect(result.reasons.count == 2)
        #expect(result.reasons.contains(.experienceUnknown(qualification: 0)))
        #expect(result.reasons.contains(.pharmacistRegistrationNeeded(qualification: 0, known: true)))
    }

    /// The shape every evaluation has, over a grid of 2,025 profiles: fifteen benefits in
    /// the rules' order, levels only on titles, a reason for every result, an unknown fact
    /// never making a benefit apply, and the same answer twice.
    @Test func everyEvaluationKeepsTheContract() throws {
        var count = 0
        for qualification in ["cfa", "cka", "uk-pharmacist"] {
            for nationality in [Nationality.foreign, .hongKongMacao, .taiwan, .mainland, nil] {
                for age in [nil, 65, 66, 70, 71] as [Int?] {
                    for highTech in [true, false, nil] as [Bool?] {
                        for zone in [WorkZone.zone(Self.zone), .outside, nil] {
                            for experience in [nil, 1.9, 2] as [Double?] {
                                let profile = BenefitProfile(
                                    qualifications: [qualification], nationality: nationality, age: age,
                                    highTechIndustry: highTech, relevantExperienceYears: experience, workZone: zone)
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
        #expect(count == 2_025)
    }

    private func checkContract(_ evaluation: BenefitEvaluation, _ profile: BenefitProfile) throws {
        #expect(evaluation.benefits.map(\.benefit) == Benefit.allCases)
        for result in evaluation.benefits {
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
    ])
    func badProfilesAreRefusedNamingTheFact(_ profile: BenefitProfile, _ fact: ProfileFact) {
        #expect(throws: ProfileError.self) { try Self.catalog.evaluateBenefits(profile) }
        do {
            _ = try Self.catalog.evaluateBenefits(profile)
        } catch let error as ProfileError {
            #expect(error.fact == fact)
            #expect(!error.message.zh.isEmpty && error.message.en.contains(fact.rawValue))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func anUnknownEditionIsNamed() {
        #expect(throws: ProfileError(.edition, zh: "没有名为“tianjin-1999”的目录版本。", en: "edition: there is no edition 'tianjin-1999'.")) {
            try Self.catalog.evaluateBenefits(BenefitProfile(qualifications: ["cfa"]), edition: "tianjin-1999")
        }
    }
}
