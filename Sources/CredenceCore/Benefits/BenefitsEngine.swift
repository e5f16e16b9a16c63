/// benefits-rules.md as code: a profile and the entries it holds in, an evaluation out.
/// Pure and deterministic — no I/O, no clock — so the web page, the API and the CLI give
/// the same answer for the same profile.
public enum BenefitsEngine {
    /// Evaluates a profile whose qualifications have been resolved to `entries` (in the
    /// order given) and whose facts have been validated; `Catalog.evaluateBenefits` does both.
    public static func evaluate(_ profile: BenefitProfile, holding entries: [Entry], edition: String)
        -> BenefitEvaluation
    {
        let scope = scopeStep(profile.workZone)
        // The few facts of each entry the rules read, taken once: copying whole entries
        // inside the loops below cost more than the rules themselves.
        var held: [Held] = []
        held.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            held.append(Held(entry, index: index, profile: profile))
        }
        var benefits: [BenefitResult] = []
        benefits.reserveCapacity(Benefit.all.count)
        // Every held qualification's own result for every benefit (v2 `byQualification`),
        // benefit by benefit: a condition of one is never hidden by another's better result.
        // With one qualification that result is the benefit's own, and is not kept twice.
        let keepEach = held.count > 1
        var perQualification: [BenefitResult] = []
        if keepEach { perQualification.reserveCapacity(Benefit.all.count * held.count) }
        for benefit in Benefit.all {
            var best: BenefitResult?
            for qualification in held {
                let combined = benefitStep(benefit, qualification, scope: scope, profile: profile)
                let candidate = BenefitResult(
                    benefit: benefit, status: combined.status,
                    level: benefit.isTitleBenefit ? titleLevel(qualification, criteria: profile.meetsTitleCriteria) : nil,
                    reasons: combined.reasons)
                if keepEach { perQualification.append(candidate) }
                if best.map({ candidate.outranks($0) }) ?? true { best = candidate }
            }
            // Profiles hold at least one qualification; with none, nothing is recognized.
            benefits.append(best ?? BenefitResult(benefit: benefit, status: .notApplicable, level: nil, reasons: []))
        }
        var qualifications: [QualificationStanding] = []
        qualifications.reserveCapacity(entries.count)
        for (entry, qualification) in zip(entries, held) {
            qualifications.append(QualificationStanding(
                entry: entry, status: qualification.standing.status, reasons: qualification.standing.reasons))
        }
        return BenefitEvaluation(edition: edition, qualifications: qualifications, benefits: benefits,
                                 perQualification: perQualification)
    }

    /// One benefit through one held qualification: the three steps combined — except the
    /// free verification, which v2 never gates (三 sets no condition of zone, experience
    /// or work).
    static func benefitStep(_ benefit: Benefit, _ qualification: Held, scope: Step, profile: BenefitProfile) -> Step {
        if benefit == .verificationFree { return Step(.applies, .freeVerification) }
        return Step.weakest(scope: scope, qualification: qualification.standing, rule: ruleStep(benefit, qualification, profile: profile))
    }

    /// A held qualification as the rules see it.
    struct Held: BitwiseCopyable {
        /// Position in the profile: how reasons name the qualification.
        var index: UInt8
        var titleLevel: TitleLevel?
        var requiresLocalRegistration: Bool
        /// Step 2's verdict.
        var standing: Step

        init(_ entry: Entry, index: Int, profile: BenefitProfile) {
            self.index = UInt8(clamping: index)
            titleLevel = entry.titleLevel
            requiresLocalRegistration = entry.requiresLocalRegistration
            let related = profile.workRelatedTo.map { $0.contains(entry.id) }
            standing = BenefitsEngine.standing(of: entry, index: self.index, workRelated: related, experience: profile.relevantExperienceYears)
        }
    }

    // MARK: Step 1 — scope (section 一)

    static func scopeStep(_ zone: WorkZone?) -> Step {
        switch zone {
        case .zone: Step(.applies)
        case .linkedUnlisted: Step(.conditional, .linkedZoneUnlisted)
        case .outside: Step(.notApplicable, .outsideScope)
        case nil: Step(.conditional, .workZoneUnknown)
        }
    }

    // MARK: Step 2 — does a held qualification count?

    /// Related work (v2: every remark begins "从事…相关工作") and, where the remark asks
    /// for it, two years of related experience.
    static func standing(of entry: Entry, index: UInt8, workRelated: Bool?, experience: Double?) -> Step {
        let work: Step = switch workRelated {
        case true?: Step(.applies, .workRelated(qualification: index))
        case false?: Step(.notApplicable, .workNotRelated(qualification: index))
        case nil: Step(.conditional, .workRelationUnknown(qualification: index))
        }
        guard let required = entry.minExperienceYears else { return work }
        let years: Step = if let experience {
            experience >= Double(required)
                ? Step(.applies, .experienceMet(qualification: index, years: Float(experience)))
                : Step(.notApplicable, .experienceShort(qualification: index, years: Float(experience)))
        } else {
            Step(.conditional, .experienceUnknown(qualification: index))
        }
        return Step.weakest(work, years)
    }

    // MARK: Step 3 — each benefit's rule

    static func ruleStep(_ benefit: Benefit, _ entry: Held, profile: BenefitProfile) -> Step {
        let rule = ownRule(benefit, entry, profile: profile)
        guard benefit.isForForeignNationals else { return rule }
        return Step.weakest(nationalityStep(profile.nationality), rule)
    }

    /// Work permits and visas are for foreign nationals.
    static func nationalityStep(_ nationality: Nationality?) -> Step {
        switch nationality {
        case .foreign: Step(.applies)
        case let other?: Step(.notApplicable, .notForeignNational(other))
        case nil: Step(.conditional, .nationalityUnknown)
        }
    }

    private static func ownRule(_ benefit: Benefit, _ entry: Held, profile: BenefitProfile) -> Step {
        switch benefit {
        case .practiceFTZ:
            // "可以按照相关规定…执业": never more than conditional; the pharmacists' remark adds registration.
            var practice = Step(.conditional, .practiceUnderRegulations)
            if entry.requiresLocalRegistration {
                practice.reasons.append(profile.localPharmacistRegistration == true
                    ? .pharmacistRegistered(qualification: entry.index)
                    : .pharmacistRegistrationNeeded(qualification: entry.index, known: profile.localPharmacistRegistration != nil))
            }
            return practice
        case .practiceExperienceEquivalence:
            return Step(.applies, .experienceCountsAsDomestic)
        case .titleEquivalence:
            let criteria = titleEquivalence(entry: entry, criteria: profile.meetsTitleCriteria)
            guard entry.titleLevel != nil, profile.examBasedSpecialty == true else { return criteria }
            return Step.weakest(criteria, Step(.conditional, .examBasedMayExcludeTitle))
        case .titleNextLevel:
            guard entry.titleLevel != nil else { return titleEquivalence(entry: entry, criteria: nil) }
            let exam: Step = switch profile.examBasedSpecialty {
            case true?: Step(.notApplicable, .examBasedSpecialty)
            case false?: Step(.applies, .nextLevelGranted)
            case nil: Step(.conditional, .examBasedUnknown)
            }
            if exam.status == .notApplicable { return exam }
            return Step.weakest(titleEquivalence(entry: entry, criteria: profile.meetsTitleCriteria), exam)
        case .permitRelaxedRequirements:
            return Step(.applies, .permitRequirementsRelaxed)
        case .permitAgeLimit:
            return ageLimit(age: profile.age, highTech: profile.highTechIndustry)
        case .permitClassAFiveYear:
            return classA(profile.classA, met: .classAMet)
        case .permitHighEndConfirmationLetter:
            // "符合条件的外国高端人才可办理": conditional at best; the letter has conditions of its own.
            if profile.classA == false { return Step(.notApplicable, .classANotMet) }
            var letter = Step(.conditional, .confirmationLetterOnConditions)
            if profile.classA == nil { letter.reasons.append(.classAUnknown) }
            return letter
        case .entryMultiEntryVisaOrResidencePermit:
            return Step(.applies, .multiEntryGranted)
        case .entryPermanentResidenceChannel:
            return Step(.conditional, .permanentResidenceOnConditions)
        case .entryPortVisa:
            return Step(.conditional, .portVisaUnderRegulations)
        case .supportComprehensive:
            return Step(.conditional, .comprehensiveSupport)  // "鼓励": encouraged, not an entitlement
        case .supportBinchengCard:
            return Step(.applies, .binchengCardGranted)
        case .supportHaiheCard:
            return Step(.conditional, .haiheCardOnConditions)
        case .verificationFree:
            return Step(.applies, .freeVerification)
        }
    }

    /// The title sentence of 二（一） from the criteria alone. "最高可对应为副高级": a
    /// deputy-senior entry below its criteria is conditional at intermediate, not excluded.
    private static func titleEquivalence(entry: Held, criteria: Bool?) -> Step {
        guard let level = entry.titleLevel else { return Step(.notApplicable, .noTitleMapping(qualification: entry.index)) }
        switch criteria {
        case true?: return Step(.applies, .titleCriteriaMet(level: level))
        case nil: return Step(.conditional, .titleCriteriaUnknown(level: level))
        case false?:
            guard titleLevel(entry, criteria: false) != level else { return Step(.notApplicable, .titleCriteriaNotMet(level: level)) }
            var lower = Step(.conditional, .titleCriteriaNotMet(level: level))
            lower.reasons.append(.titleAtMostDeputySenior)
            return lower
        }
    }

    /// The level a title benefit is at through this qualification: the entry's, or
    /// intermediate for a deputy-senior entry whose criteria are not met — the one place
    /// "最高可对应为副高级" lowers a level (`titleEquivalence` asks it).
    static func titleLevel(_ entry: Held, criteria: Bool?) -> TitleLevel? {
        guard let level = entry.titleLevel else { return nil }
        return level == .deputySenior && criteria == false ? .intermediate : level
    }

    /// 年龄可放宽至65周岁（高精尖产业领域可放宽至70周岁）.
    private static func ageLimit(age: Int?, highTech: Bool?) -> Step {
        guard let wholeYears = age else { return Step(.conditional, .ageUnknown) }
        let age = UInt8(clamping: wholeYears)  // validated: 0–130
        if age <= 65 { return Step(.applies, .ageWithinGeneralLimit(age: age)) }
        if age > 70 { return Step(.notApplicable, .ageOverLimit(age: age)) }
        return switch highTech {
        case true?: Step(.applies, .ageWithinHighTechLimit(age: age))
        case false?: Step(.notApplicable, .ageNeedsHighTech(age: age))
        case nil: Step(.conditional, .ageHighTechUnknown(age: age))
        }
    }

    private static func classA(_ classA: Bool?, met: BenefitReason) -> Step {
        switch classA {
        case true?: Step(.applies, met)
        case false?: Step(.notApplicable, .classANotMet)
        case nil: Step(.conditional, .classAUnknown)
        }
    }
}

/// One step's verdict: a status and the reasons for it.
struct Step: BitwiseCopyable {
    var status: BenefitStatus
    var reasons: Reasons

    // Single-reason initialisers, not variadic ones: a variadic call allocates an array,
    // and the engine makes dozens of steps per evaluation.
    init(_ status: BenefitStatus) {
        self.status = status
        self.reasons = Reasons()
    }

    init(_ status: BenefitStatus, _ reason: BenefitReason) {
        self.status = status
        self.reasons = Reasons()
        self.reasons.append(reason)
    }

    init(status: BenefitStatus, reasons: Reasons) {
        self.status = status
        self.reasons = reasons
    }

    /// The lowest status of the steps, with the reasons of every step that sits at it —
    /// the reasons that brought the result down to where it is.
    static func weakest(_ first: Step, _ second: Step) -> Step {
        // Only a tie merges reasons; otherwise the lower step is the answer as it stands.
        if first.status < second.status { return first }
        if second.status < first.status { return second }
        var reasons = first.reasons
        reasons.append(contentsOf: second.reasons)
        return Step(status: first.status, reasons: reasons)
    }

    /// Combines the three steps of benefits-rules.md. When the benefit applies, only the
    /// rule's reason (its deciding fact) is kept: scope and qualification only ever add a
    /// reason when they lower the result.
    static func weakest(scope: Step, qualification: Step, rule: Step) -> Step {
        let status = min(scope.status, qualification.status, rule.status)
        guard status < .applies else { return rule }
        // The common case — scope and qualification above the rule's status — keeps the rule as it is.
        if rule.status == status, scope.status > status, qualification.status > status { return rule }
        var reasons = Reasons()
        if scope.status == status { reasons.append(contentsOf: scope.reasons) }
        if qualification.status == status { reasons.append(contentsOf: qualification.reasons) }
        if rule.status == status { reasons.append(contentsOf: rule.reasons) }
        return Step(status: status, reasons: reasons)
    }
}

extension BenefitResult {
    /// Best status wins; between equals, the higher title level; then the first held.
    func outranks(_ other: BenefitResult) -> Bool {
        if status != other.status { return status > other.status }
        switch (level, other.level) {
        case let (mine?, theirs?): return mine > theirs
        case (.some, nil): return true
        default: return false
        }
    }
}
