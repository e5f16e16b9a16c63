/// A profile's facts, each declared once with what it holds (issue 44): the API's JSON checks
/// a value's type by it, the benefits page reads its text, and `BenefitProfile(from:)` turns
/// what any reader gives into a profile. Ranges are judged after, by `problems()`.
extension ProfileFact {
    public enum Holds: Sendable, Equatable {
        /// Catalog entry ids.
        case ids
        /// One of a fixed list of values.
        case choice
        case wholeNumber
        case number
        case flag
        /// An id (a zone, an edition).
        case text
    }

    public var holds: Holds {
        switch self {
        case .qualifications, .workRelatedTo: .ids
        case .nationality: .choice
        case .age: .wholeNumber
        case .relevantExperienceYears: .number
        case .highTechIndustry, .meetsTitleCriteria, .examBasedSpecialty, .classA, .localPharmacistRegistration: .flag
        case .workZone, .edition: .text
        }
    }

    /// A flag's two values as text.
    public static let yes = "true", no = "false"
}

/// Where a profile's facts are read from: a JSON body, the benefits page's query.
public protocol ProfileSource {
    /// The fact's value as text ("40", "1.5", "true"); nil when not given. A source with
    /// types (JSON) refuses a value of the wrong type itself.
    func text(_ fact: ProfileFact) throws -> String?
    /// An `ids` fact's values; nil when not given.
    func ids(_ fact: ProfileFact) throws -> [String]?
}

/// The facts a profile could not be read from, each naming its fact, and what could be read.
public struct ProfileProblems: Error, Sendable {
    public var problems: [ProfileError]
    public var partial: BenefitProfile
}

extension BenefitProfile {
    /// The profile `source` gives, each fact read as it holds (a blank value is not of any
    /// kind: a fact not known is left out). A value not of its kind, or a
    /// `ProfileError` the source throws for one fact, is collected; all of them are thrown at
    /// once. Any other error of the source (a JSON type) is thrown as it comes.
    public init(from source: some ProfileSource) throws {
        var problems: [ProfileError] = []
        func read<T>(_ fact: ProfileFact, _ parse: (String) -> T?) throws -> T? {
            do {
                guard let text = try source.text(fact) else { return nil }
                guard let value = parse(text) else {
                    problems.append(ProfileError(fact, zh: "\(fact.rawValue) 的值“\(Echo.cut(text))”无法识别。",
                                                 en: "\(fact.rawValue) must be \(Self.expected(fact)); got \(Echo.quoted(text))."))
                    return nil
                }
                return value
            } catch let problem as ProfileError {
                problems.append(problem)
                return nil
            }
        }
        func list(_ fact: ProfileFact) throws -> [String]? {
            do { return try source.ids(fact) } catch let problem as ProfileError {
                problems.append(problem)
                return nil
            }
        }
        self.init(qualifications: try list(.qualifications) ?? [])
        nationality = try read(.nationality) { Nationality(rawValue: $0) }
        age = try read(.age) { Int($0) }
        relevantExperienceYears = try read(.relevantExperienceYears) { Double($0) }
        workRelatedTo = try list(.workRelatedTo)
        workZone = try read(.workZone) { WorkZone($0) }
        highTechIndustry = try read(.highTechIndustry, Self.flag)
        meetsTitleCriteria = try read(.meetsTitleCriteria, Self.flag)
        examBasedSpecialty = try read(.examBasedSpecialty, Self.flag)
        classA = try read(.classA, Self.flag)
        localPharmacistRegistration = try read(.localPharmacistRegistration, Self.flag)
        if !problems.isEmpty { throw ProfileProblems(problems: problems, partial: self) }
    }

    static func flag(_ text: String) -> Bool? { text == ProfileFact.yes ? true : text == ProfileFact.no ? false : nil }

    static func expected(_ fact: ProfileFact) -> String {
        switch fact.holds {
        case .choice: "one of " + Nationality.allCases.map(\.rawValue).joined(separator: ", ")
        case .wholeNumber: "a whole number"
        case .number: "a number"
        case .flag: "true or false"
        case .ids, .text: "an id"
        }
    }
}
