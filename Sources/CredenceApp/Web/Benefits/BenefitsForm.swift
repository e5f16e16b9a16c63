import CredenceCore
import Hummingbird

/// The benefits page's form, read from the query string. It takes the API's field names;
/// empty means "not known". What cannot be read is kept as typed and reported next to its
/// field, so the person can correct it without losing the rest.
struct BenefitsForm {
    /// As typed, for refilling the form.
    var values: [ProfileFact: String] = [:]
    var qualifications: [String] = []
    /// Words to narrow the list of qualifications to pick from.
    var find: String?
    /// The "check" button was pressed (rather than arriving from a link or finding).
    var checkRequested = false
    var errors: [ProfileFact: BilingualText] = [:]
    /// "Is your work in the field of …?" per held qualification, as answered (`work-<id>`).
    var workAnswers: [String: String] = [:]

    static let yes = ProfileFact.yes
    static let no = ProfileFact.no

    init(_ request: Request) {
        let parameters = request.uri.queryParameters
        qualifications = parameters.getAll("qualification").filter { !$0.isEmpty }
        find = parameters["find"].map(String.init).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : String($0.prefix(200)) }
        checkRequested = parameters["check"] != nil
        for id in qualifications {
            if let value = parameters[Substring(Self.workParameter(id))], !value.isEmpty { workAnswers[id] = String(value.prefix(10)) }
        }
        for fact in ProfileFact.allCases where fact != .qualifications && fact != .workRelatedTo {
            if let value = parameters[Substring(fact.rawValue)], !value.isEmpty { values[fact] = String(value.prefix(200)) }
        }
    }

    /// The query parameter of the related-work question for one held qualification.
    static func workParameter(_ id: String) -> String { "work-" + id }

    /// Whether there is anything to evaluate.
    var wantsEvaluation: Bool { !qualifications.isEmpty || checkRequested }

    /// The profile, or nil with `errors` filled in: what cannot be read and what is out of
    /// range, every fact at once, in the form's words.
    mutating func profile() -> BenefitProfile? {
        let profile: BenefitProfile
        do {
            profile = try BenefitProfile(from: self)
        } catch let unread as ProfileProblems {
            for problem in unread.problems { errors[problem.fact] = Self.message(problem.fact) }
            profile = unread.partial
        } catch {
            return nil  // the form's source throws nothing else
        }
        // Ranges are the core's to judge; all of its complaints are shown at once.
        for problem in profile.problems() where errors[problem.fact] == nil {
            errors[problem.fact] = Self.message(problem.fact)
        }
        return errors.isEmpty ? profile : nil
    }

    /// `workRelatedTo` says yes or no for every held qualification at once, so the form takes
    /// it when each one is answered, or none (not known); some answered and some not is asked again.
    private func workRelatedTo() throws(ProfileError) -> [String]? {
        let held = qualifications.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let answers = held.map { workAnswers[$0] }
        if answers.allSatisfy({ $0 == nil }) { return nil }
        guard answers.allSatisfy({ $0 == Self.yes || $0 == Self.no }) else {
            let message = Self.message(.workRelatedTo)
            throw ProfileError(.workRelatedTo, zh: message.zh, en: message.en)
        }
        return held.filter { workAnswers[$0] == Self.yes }
    }

    /// What the page says about a fact it could not use: in the form's words, not the API's.
    static func message(_ fact: ProfileFact) -> BilingualText {
        switch fact {
        case .qualifications:
            BilingualText(zh: "请至少选择一项目录内的资格。", en: "Pick at least one qualification from the catalog.")
        case .age:
            BilingualText(zh: "年龄须为0到130之间的整数。", en: "Age must be a whole number from 0 to 130.")
        case .relevantExperienceYears:
            BilingualText(zh: "工作年限须为0到130之间的数字，例如 2 或 1.5。",
                          en: "Years of experience must be a number from 0 to 130, such as 2 or 1.5.")
        case .nationality, .workZone:
            BilingualText(zh: "请从列表中选择。", en: "Choose one of the listed options.")
        case .workRelatedTo:
            BilingualText(zh: "请对每一项资格回答“是”或“否”，或全部选“不确定”。",
                          en: "Answer yes or no for every qualification, or leave them all as not sure.")
        case .edition:
            BilingualText(zh: "没有这个目录版本。", en: "There is no such catalog edition.")
        default:
            BilingualText(zh: "请选择“是”“否”或“不确定”。", en: "Choose yes, no or not sure.")
        }
    }
}

/// The query as a profile's source: each value as typed, trimmed; the related-work answers
/// per held qualification folded into one list.
extension BenefitsForm: ProfileSource {
    func text(_ fact: ProfileFact) -> String? { values[fact]?.trimmingCharacters(in: .whitespaces) }

    func ids(_ fact: ProfileFact) throws -> [String]? {
        switch fact {
        case .qualifications: qualifications
        case .workRelatedTo: try workRelatedTo()
        default: nil
        }
    }
}
