import CredenceCore
import Hummingbird

/// Reads query parameters, refusing bad ones with a 400 that names the parameter and says
/// what is accepted.
struct QueryParameters {
    let parameters: Parameters

    init(_ request: Request) {
        parameters = request.uri.queryParameters
    }

    /// A non-empty string, or nil when absent or empty.
    func string(_ name: String) -> String? {
        guard let value = parameters[name[...]], !value.isEmpty else { return nil }
        return String(value)
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badParameter(name, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound); got '\(text)'.")
        }
        return value
    }

    func field(_ name: String) throws -> ProfessionalField? {
        guard let text = string(name) else { return nil }
        guard let field = ProfessionalField(rawValue: text) else {
            let accepted = ProfessionalField.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError.badParameter(name, "\(name) must be one of \(accepted); got '\(text)'.")
        }
        return field
    }
}
