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
            held.append(Held(entry, index: index, experience: profile.relevantExperienceYears))
        }
        var benefits: [BenefitResult] = []
        benefits.reserveCapacity(Benefit.all.count)
        for benefit in Benefit.all {
            var best: BenefitResult?
            for qualification in held {
                let rule = ruleStep(benefit, qualification, profile: profile)
                let combined = Step.weakest(scope: scope, qualification: qualification.standing, rule: rule)
                let candidate = BenefitResult(
                    benefit: benefit, status: combined.status,
                    level: benefit.isTitleBenefit ? qualification.titleLevel : nil, reasons: combined.reasons)
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
        return BenefitEvaluation(edition: edition, qualifications: qualifications, benefits: benefits)
    }

    /// A held qualification as the rules see it.
    struct Held: BitwiseCopyable {
        /// Position in the profile: how reasons name the qualification.
        var index: Int
        var titleLevel: TitleLevel?
        var requiresLocalRegistration: Bool
        /// Step 2's verdict.
        var standing: Step

        init(_ entry: Entry, index: Int, experience: Double?) {
            self.index = index
            titleLevel = entry.titleLevel
            requiresLocalRegistration = entry.requiresLocalRegistration
            standing = BenefitsEngine.standing(of: entry, index: index, experience: experience)
        }
    }

    // MARK: Step 1 — scope (section 一)

    static func scopeStep(_ zone: WorkZone?) -> Step {
        switch zone {
        case .zone: Step(.applies)
        case .outside: Step(.notApplicable, .outsideScope)
        case nil: Step(.conditional, .workZoneUnknown)
        }
    }

    // MARK: Step 2 — does a held qualification count?

    static func standing(of entry: Entry, index: Int, experience: Double?) -> Step {
        guard let required = entry.minExperienceYears else { return Step(.applies) }
        guard let experience else { return Step(.conditional, .experienceUnknown(qualification: index)) }
        return experience >= Double(required)
            ? Step(.applies, .experienceMet(qualification: index, years: experience))
            : Step(.notApplicable, .experienceShort(qualification: index, years: experience))
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
            guard entry.requiresLocalRegistration else { return Step(.applies, .practiceGranted) }
            return profile.localPharmacistRegistration == true
                ? Step(.applies, .pharmacistRegistered(qualification: entry.index))
                : Step(.conditional, .pharmacistRegistrationNeeded(
                    qualification: entry.index, known: profile.localPharmacistRegistration != nil))
        case .practiceExperienceEquivalence:
            return Step(.applies, .experienceCountsAsDomestic)
        case .titleEquivalence:
            return titleEquivalence(entry: entry, criteria: profile.meetsTitleCriteria)
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
            return classA(profile.classA, met: .highEndTalentMet)
        case .entryMultiEntryVisaOrResidencePermit:
            return Step(.applies, .multiEntryGranted)
        case .entryPermanentResidenceChannel:
            return Step(.conditional, .permanentResidenceOnConditions)
        case .entryPortVisa:
            return Step(.conditional, .portVisaUnderRegulations)
        case .supportComprehensive:
            return Step(.applies, .comprehensiveSupport)
        case .supportBinchengCard:
            return Step(.applies, .binchengCardGranted)
        case .supportHaiheCard:
            return Step(.conditional, .haiheCardOnConditions)
        case .verificationFree:
            return Step(.applies, .freeVerification)
        }
    }

    private static func titleEquivalence(entry: Held, criteria: Bool?) -> Step {
        guard let level = entry.titleLevel else { return Step(.notApplicable, .noTitleMapping(qualification: entry.index)) }
        return switch criteria {
        case true?: Step(.applies, .titleCriteriaMet(level: level))
        case false?: Step(.notApplicable, .titleCriteriaNotMet(level: level))
        case nil: Step(.conditional, .titleCriteriaUnknown(level: level))
        }
    }

    /// 年龄可放宽至65周岁（高精尖产业领域可放宽至70周岁）.
    private static func ageLimit(age: Int?, highTech: Bool?) -> Step {
        guard let age else { return Step(.conditional, .ageUnknown) }
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
        let status = min(first.status, second.status)
        var reasons = Reasons()
        if first.status == status { reasons.append(contentsOf: first.reasons) }
        if second.status == status { reasons.append(contentsOf: second.reasons) }
        return Step(status: status, reasons: reasons)
    }

    /// Combines the three steps of benefits-rules.md. When the benefit applies, only the
    /// rule's reason (its deciding fact) is kept: scope and qualification only ever add a
    /// reason when they lower the result.
    static func weakest(scope: Step, qualification: Step, rule: Step) -> Step {
        let status = min(scope.status, qualification.status, rule.status)
        guard status < .applies else { return rule }
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
