import CredenceCore
import Hummingbird

/// The body of `POST /api/v1/benefits`: a profile (benefits-rules.md, "Inputs") and,
/// optionally, the edition to read. Types are checked here, ranges in the core. An unknown
/// field is refused, so a misspelt one is not silently taken as "not known".
struct BenefitsRequest {
    var profile: BenefitProfile
    var edition: String?

    static func read(from request: Request) async throws -> BenefitsRequest {
        let body = try await JSONObject.read(
            request, errorCode: "invalid_profile", accepting: ProfileFact.allCases.map(\.rawValue))
        var profile = BenefitProfile(qualifications: try body.stringArray(
            ProfileFact.qualifications.rawValue, "a list of catalog entry ids, e.g. [\"cfa\"]"))
        profile.nationality = try body.choice(ProfileFact.nationality.rawValue, Nationality.self)
        profile.age = try body.wholeNumber(ProfileFact.age.rawValue)
        profile.highTechIndustry = try body.bool(ProfileFact.highTechIndustry.rawValue)
        profile.relevantExperienceYears = try body.number(ProfileFact.relevantExperienceYears.rawValue)
        if body.value(ProfileFact.workRelatedTo.rawValue) != nil {
            profile.workRelatedTo = try body.stringArray(
                ProfileFact.workRelatedTo.rawValue, "the ids of held qualifications whose field your work is in, e.g. [\"cfa\"] (may be empty)")
        }
        profile.workZone = try body.string(ProfileFact.workZone.rawValue).map(WorkZone.init)
        profile.meetsTitleCriteria = try body.bool(ProfileFact.meetsTitleCriteria.rawValue)
        profile.examBasedSpecialty = try body.bool(ProfileFact.examBasedSpecialty.rawValue)
        profile.classA = try body.bool(ProfileFact.classA.rawValue)
        profile.localPharmacistRegistration = try body.bool(ProfileFact.localPharmacistRegistration.rawValue)
        return BenefitsRequest(profile: profile, edition: try body.string(ProfileFact.edition.rawValue))
    }
}
