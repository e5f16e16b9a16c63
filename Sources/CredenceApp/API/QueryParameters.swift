import CredenceCore
import Hummingbird

/// Reads query parameters, refusing bad ones with a 400 that names the parameter and says
/// what is accepted.
struct QueryParameters {
    let parameters: Parameters

    init(_ request: Request) {
        parameters = request.uri.queryParameters
    }

    /// The parameter's value, or nil when absent; present but empty is a 400 (a client that
    /// sends `after=` has a bug worth telling it about, not a first page).
    func string(_ name: String) throws -> String? {
        guard let value = parameters[name[...]] else { return nil }
        guard !value.isEmpty else { throw APIError.badParameter(name, "\(name) is empty: leave it out, or give a value.") }
        return String(value)
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = try string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badParameter(name, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound); got '\(text)'.")
        }
        return value
    }

    func field(_ name: String) throws -> ProfessionalField? {
        guard let text = try string(name) else { return nil }
        guard let field = ProfessionalField(rawValue: text) else {
            let accepted = ProfessionalField.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError.badParameter(name, "\(name) must be one of \(accepted); got '\(text)'.")
        }
        return field
    }
}
