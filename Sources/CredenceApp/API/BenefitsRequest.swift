import CredenceCore
import Foundation
import Hummingbird

/// The body of `POST /api/v1/benefits`: a profile (benefits-rules.md, "Inputs") and,
/// optionally, the edition to read. Each field is checked for its type here and for its
/// range in the core; an unknown field is refused, so a misspelt one is not silently
/// taken as "not known".
struct BenefitsRequest {
    var profile: BenefitProfile
    var edition: String?

    static let maxBodyBytes = 64 * 1024

    static func read(from request: Request) async throws -> BenefitsRequest {
        let body = try await request.body.collect(upTo: maxBodyBytes)
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: body))
        } catch {
            throw APIError(status: .badRequest, code: "malformed_json",
                           message: "The body must be a JSON object with the profile's fields (see POST /api/v1/benefits in /openapi.json).")
        }
        return try parse(value)
    }

    static func parse(_ value: JSONValue) throws -> BenefitsRequest {
        guard case .object(let fields) = value else {
            throw invalid(nil, "The body must be a JSON object; got \(value.typeName).")
        }
        let accepted = Set(ProfileFact.allCases.map(\.rawValue))
        if let unknown = fields.keys.sorted().first(where: { !accepted.contains($0) }) {
            throw invalid(unknown, "Unknown field '\(unknown)'. Accepted: \(ProfileFact.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let reader = FieldReader(fields: fields)
        var profile = BenefitProfile(qualifications: try reader.qualifications())
        profile.nationality = try reader.choice(.nationality, Nationality.self)
        profile.age = try reader.wholeNumber(.age)
        profile.highTechIndustry = try reader.bool(.highTechIndustry)
        profile.relevantExperienceYears = try reader.number(.relevantExperienceYears)
        profile.workZone = try reader.string(.workZone).map(WorkZone.init)
        profile.meetsTitleCriteria = try reader.bool(.meetsTitleCriteria)
        profile.examBasedSpecialty = try reader.bool(.examBasedSpecialty)
        profile.classA = try reader.bool(.classA)
        profile.localPharmacistRegistration = try reader.bool(.localPharmacistRegistration)
        return BenefitsRequest(profile: profile, edition: try reader.string(.edition))
    }

    static func invalid(_ field: String?, _ message: String) -> APIError {
        APIError(status: .unprocessableContent, code: "invalid_profile", message: message, field: field)
    }

    /// Reads one optional field each; null or absent is "not known".
    private struct FieldReader {
        let fields: [String: JSONValue]

        func value(_ fact: ProfileFact) -> JSONValue? {
            guard let value = fields[fact.rawValue], value != .null else { return nil }
            return value
        }

        func wrongType(_ fact: ProfileFact, _ expected: String, _ got: JSONValue) -> APIError {
            invalid(fact.rawValue, "\(fact.rawValue) must be \(expected) or null; got \(got.typeName).")
        }

        func qualifications() throws -> [String] {
            let fact = ProfileFact.qualifications
            guard let value = value(fact) else {
                throw invalid(fact.rawValue, "qualifications is required: a list of catalog entry ids, e.g. [\"cfa\"].")
            }
            guard case .array(let items) = value else {
                throw invalid(fact.rawValue, "qualifications must be a list of catalog entry ids; got \(value.typeName).")
            }
            return try items.map { item in
                guard case .string(let id) = item else {
                    throw invalid(fact.rawValue, "qualifications must hold entry ids as strings; got \(item.typeName).")
                }
                return id
            }
        }

        func bool(_ fact: ProfileFact) throws -> Bool? {
            guard let value = value(fact) else { return nil }
            guard case .bool(let flag) = value else { throw wrongType(fact, "true or false", value) }
            return flag
        }

        func number(_ fact: ProfileFact) throws -> Double? {
            guard let value = value(fact) else { return nil }
            guard case .number(let number) = value else { throw wrongType(fact, "a number", value) }
            return number
        }

        func wholeNumber(_ fact: ProfileFact) throws -> Int? {
            guard let value = value(fact) else { return nil }
            guard case .number(let number) = value, number == number.rounded(), abs(number) <= 1e9 else {
                throw wrongType(fact, "a whole number", value)
            }
            return Int(number)
        }

        func string(_ fact: ProfileFact) throws -> String? {
            guard let value = value(fact) else { return nil }
            guard case .string(let text) = value else { throw wrongType(fact, "a string", value) }
            return text
        }

        func choice<T: RawRepresentable & CaseIterable>(_ fact: ProfileFact, _: T.Type) throws -> T?
        where T.RawValue == String {
            guard let text = try string(fact) else { return nil }
            guard let choice = T(rawValue: text) else {
                let accepted = T.allCases.map(\.rawValue).joined(separator: ", ")
                throw invalid(fact.rawValue, "\(fact.rawValue) must be one of \(accepted); got '\(text)'.")
            }
            return choice
        }
    }
}
