import CredenceCore
import Hummingbird

/// An error a caller can act on: `{"error": {"code", "message", "field"}}` with its status.
public struct APIError: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var field: String?

    public init(status: HTTPResponse.Status, code: String, message: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
    }

    public static func badParameter(_ field: String, _ message: String) -> APIError {
        APIError(status: .badRequest, code: "invalid_parameter", message: message, field: field)
    }

    public static func notFound(_ message: String) -> APIError {
        APIError(status: .notFound, code: "not_found", message: message)
    }

    public init(_ error: CatalogError) {
        switch error {
        case .unknownEdition(let id):
            self = .notFound("No edition '\(id)'. GET /api/v1/editions lists them.")
        case .unknownEntry(let id, let edition):
            self = .notFound("No entry '\(id)' in edition '\(edition)'. GET /api/v1/entries lists them.")
        case .noEditionInForce:
            self = APIError(status: .notFound, code: "no_edition_in_force", message: "No catalog edition is in force.")
        }
    }

    /// A profile the benefits rules cannot evaluate: 422 naming the field.
    public init(_ error: ProfileError) {
        self.init(status: .unprocessableContent, code: "invalid_profile", message: error.message.en, field: error.fact.rawValue)
    }

    /// The body as the API returns it.
    public var body: ErrorBody {
        ErrorBody(error: .init(code: code, message: message, field: field))
    }
}

public struct ErrorBody: Codable, Sendable, Equatable {
    public struct Detail: Codable, Sendable, Equatable {
        public var code: String
        public var message: String
        public var field: String?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
            try container.encode(field, forKey: .field)  // null, not absent
        }
    }

    public var error: Detail
}
