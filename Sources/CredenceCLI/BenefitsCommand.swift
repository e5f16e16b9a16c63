import ArgumentParser
import CredenceApp
import CredenceCore

/// `credence benefits`: what a set of catalog qualifications brings, by the same engine
/// and from the same database as `POST /api/v1/benefits`.
struct BenefitsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benefits",
        abstract: "What catalog qualifications bring their holder (notice, section 二). Unknown facts may be left out.")

    @Option(name: .customLong("qualification"), help: "A catalog entry id, e.g. cfa; repeat for several.")
    var qualifications: [String] = []
    @Option(help: "foreign, hong_kong_macao, taiwan or mainland.") var nationality: String?
    @Option(help: "Age in whole years, 0-130.") var age: Int?
    @Option(name: .customLong("high-tech"), help: "Works in a high-tech (高精尖) industry: true or false.")
    var highTech: Bool?
    @Option(name: .customLong("experience-years"), help: "Years of work related to the qualification; years abroad count.")
    var experienceYears: Double?
    @Option(name: .customLong("work-related-to"),
            help: "A held qualification whose field (its remark's 从事…相关工作) your work is in; repeat for several. Give none to leave it unknown, or --work-related-to none for \"in none of them\".")
    var workRelatedTo: [String] = []
    @Option(help: "Where you work: a zone id (credence catalog zones, GET /api/v1/zones), linked_unlisted (a linked zone or base not listed) or outside.")
    var zone: String?
    @Option(name: .customLong("meets-title-criteria"), help: "Meets the title series' education and experience criteria: true or false.")
    var meetsTitleCriteria: Bool?
    @Option(name: .customLong("exam-based"), help: "The title specialty is filled by exam (以考代评): true or false.")
    var examBased: Bool?
    @Option(name: .customLong("class-a"), help: "Meets the A-class foreign high-end talent conditions: true or false.")
    var classA: Bool?
    @Option(name: .customLong("pharmacist-registered"), help: "Registered with the Tianjin drug regulator: true or false.")
    var pharmacistRegistered: Bool?
    @Option(help: "An edition id (the one in force by default).") var edition: String?
    @Option(help: "Language of the table: zh or en.") var language: String = Language.en.rawValue
    @OptionGroup var output: FormatOption

    func run() async throws {
        let language = try choice("--language", language, Language.self)
        let profile = BenefitProfile(
            qualifications: qualifications, nationality: try nationality.map { try choice("--nationality", $0, Nationality.self) },
            age: age, highTechIndustry: highTech, relevantExperienceYears: experienceYears,
            workRelatedTo: workRelatedTo.isEmpty ? nil : workRelatedTo.filter { $0 != Self.noneValue }, workZone: zone.map(WorkZone.init),
            meetsTitleCriteria: meetsTitleCriteria, examBasedSpecialty: examBased, classA: classA,
            localPharmacistRegistration: pharmacistRegistered)
        // Checked before the database is opened: a bad flag costs nothing.
        do {
            try profile.validate()
        } catch {
            throw UserError(message: Self.message(for: error))
        }
        let (snapshot, routes) = try await withStore { store in
            (CatalogSnapshot(catalog: try await store.loadCatalog()), try await store.benefitRoutes.all())
        }
        let evaluation: BenefitEvaluation
        do {
            evaluation = try snapshot.catalog.evaluateBenefits(profile, edition: edition)
        } catch let error as ProfileError {
            throw UserError(message: Self.message(for: error))
        }
        try output.emit(BenefitEvaluationDTO(evaluation, routes: EncodedBenefitRoutes(routes))) {
            Self.table(evaluation, routes: routes, in: language)
        }
    }

    /// `--work-related-to none`: the person's work is in the field of none of the held qualifications.
    static let noneValue = "none"

    private func choice<T: RawRepresentable & CaseIterable>(_ flag: String, _ value: String, _: T.Type) throws -> T
    where T.RawValue == String {
        guard let choice = T(rawValue: value) else {
            throw UserError(message: "\(flag) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")); got '\(value)'.")
        }
        return choice
    }

    /// The core's message, naming the flag that carries the fact instead of the API field.
    static func message(for error: ProfileError) -> String {
        FieldLabel.replacing(error.fact.rawValue, in: error.message.en, with: flag(error.fact))
            ?? "\(flag(error.fact)): \(error.message.en)"
    }

    static func flag(_ fact: ProfileFact) -> String {
        switch fact {
        case .qualifications: "--qualification"
        case .nationality: "--nationality"
        case .age: "--age"
        case .highTechIndustry: "--high-tech"
        case .relevantExperienceYears: "--experience-years"
        case .workRelatedTo: "--work-related-to"
        case .workZone: "--zone"
        case .meetsTitleCriteria: "--meets-title-criteria"
        case .examBasedSpecialty: "--exam-based"
        case .classA: "--class-a"
        case .localPharmacistRegistration: "--pharmacist-registered"
        case .edition: "--edition"
        }
    }

    static func table(_ evaluation: BenefitEvaluation, routes: BenefitRoutes, in language: Language) -> String {
        let held = evaluation.qualifications.map { standing in
            "\(standing.entry.id) (\(standing.status.rawValue))"
        }.joined(separator: ", ")
        let rows = evaluation.benefits.map { result in
            [result.benefit.clause, result.benefit.rawValue, result.status.rawValue, result.level?.rawValue ?? "",
             result.reasons.map { evaluation.text(of: $0).text(in: language) }.joined(separator: " ")]
        }
        let questions = Set(evaluation.benefits.flatMap { $0.reasons.compactMap(\.missingFact) })
        var text = "Edition \(evaluation.edition). Qualifications: \(held).\n\n"
        text += TextTable(header: ["clause", "benefit", "status", "level", "why"], rows: rows).rendered
        if !questions.isEmpty {
            let asked = ProfileFact.allCases.filter(questions.contains).map(flag)
            text += "\n\nTell us more to settle the conditional ones: \(asked.joined(separator: " "))"
        }
        if evaluation.qualifications.count > 1 {
            text += "\n\nBy qualification:"
            for result in evaluation.benefits {
                let own = zip(evaluation.qualifications, evaluation.byQualification(result.benefit)).map { "\($0.entry.id) \($1.status.rawValue)" }
                text += "\n  \(result.benefit.rawValue): " + own.joined(separator: ", ")
            }
        }
        text += whereToApply(evaluation, routes: routes, in: language)
        text += "\n\n" + evaluation.notes.map { "Note: " + $0.text.text(in: language) }.joined(separator: "\n")
        return text
    }

    /// Where the benefits that apply or are conditional are claimed: office, address or
    /// why there is none, and how far to trust it.
    static func whereToApply(_ evaluation: BenefitEvaluation, routes: BenefitRoutes, in language: Language) -> String {
        let claimable = evaluation.benefits.filter { $0.status != .notApplicable }
        guard !claimable.isEmpty else { return "" }
        var text = "\n\n" + language.pick(zh: "办理渠道：", en: "Where to apply:")
        for result in claimable {
            for route in routes.routes(for: result.benefit) {
                let office = route.office?.text(in: language) ?? language.pick(zh: "未知办理部门", en: "no office known")
                text += "\n  \(result.benefit.rawValue): \(office) — \(route.url ?? route.trust.text(in: language))"
                if route.url != nil { text += " (\(route.trust.text(in: language)))" }
            }
        }
        return text
    }
}
