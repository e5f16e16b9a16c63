import CredenceCore
import Hummingbird

/// The body of `POST /api/v1/benefits`: a profile (benefits-rules.md, "Inputs") and,
/// optionally, the edition to read. Types are checked here, as each fact holds; values and
/// ranges in the core. An unknown field is refused, so a misspelt one is not silently taken
/// as "not known".
struct BenefitsRequest {
    var profile: BenefitProfile
    var edition: String?

    static func read(from request: Request) async throws -> BenefitsRequest {
        let body = try await JSONObject.read(
            request, errorCode: "invalid_profile", accepting: ProfileFact.allCases.map(\.rawValue))
        let source = JSONProfile(body: body)
        do {
            return BenefitsRequest(profile: try BenefitProfile(from: source), edition: try source.text(.edition))
        } catch let problems as ProfileProblems {
            throw problems.problems[0]
        }
    }
}

/// A JSON body as a profile's source: each fact's JSON type checked as it holds (a string
/// where a number belongs is a 422 naming it); a fact not known is null.
struct JSONProfile: ProfileSource {
    let body: JSONObject

    func text(_ fact: ProfileFact) throws -> String? {
        let name = fact.rawValue
        switch fact.holds {
        case .wholeNumber: return try body.wholeNumber(name).map(String.init)
        case .number: return try body.number(name).map { String($0) }
        case .flag: return try body.bool(name).map { $0 ? ProfileFact.yes : ProfileFact.no }
        // Plain: a blank string is refused by the core as no value of its kind (trimming here
        // with Foundation cost 5 % of a benefits request, measured with perf).
        case .choice, .text: return try body.string(name)
        case .ids: return nil
        }
    }

    func ids(_ fact: ProfileFact) throws -> [String]? {
        switch fact {
        case .qualifications: try body.stringArray(fact.rawValue, "a list of catalog entry ids, e.g. [\"cfa\"]")
        case .workRelatedTo where body.value(fact.rawValue) != nil:
            try body.stringArray(fact.rawValue, "the ids of held qualifications whose field your work is in, e.g. [\"cfa\"] (may be empty)")
        default: nil
        }
    }
}
