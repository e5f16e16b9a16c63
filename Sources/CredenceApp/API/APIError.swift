import CredenceCore
import CredenceStore
import Hummingbird

/// An error a caller can act on: `{"error": {"code", "message", "field"}}` with its status.
public struct APIError: HTTPResponseError, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var field: String?
    /// Seconds, for a 429 or 503: sent as `Retry-After`.
    public var retryAfter: Int?
    /// The message in both languages, when the error came from the domain (pages show the
    /// reader's language; the API shows `message`).
    public var localized: BilingualText?

    public init(status: HTTPResponse.Status, code: String, message: String, field: String? = nil, retryAfter: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.retryAfter = retryAfter
    }

    public static func badParameter(_ field: String, _ message: String) -> APIError {
        APIError(status: .badRequest, code: "invalid_parameter", message: message, field: field)
    }

    public static func notFound(_ message: String) -> APIError {
        APIError(status: .notFound, code: "not_found", message: message)
    }

    /// A domain error, the one mapping of every refusal to HTTP: its kind gives the status;
    /// the API answers in English, a page in the reader's language.
    public init(_ error: some DescribedError) {
        self.init(status: Self.status(of: error.kind), code: error.code, message: error.message.en, field: error.field,
                  retryAfter: error.retryAfter)
        localized = error.message
    }

    static func status(of kind: ErrorKind) -> HTTPResponse.Status {
        switch kind {
        case .badRequest: .badRequest
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .tooLarge: .contentTooLarge
        case .unsupportedType: .unsupportedMediaType
        case .invalid: .unprocessableContent
        case .tooManyRequests: .tooManyRequests
        case .unavailable: .serviceUnavailable
        }
    }

    /// Outside the error middleware (it answers first), Hummingbird still answers with the JSON body.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try Response.json(body, status: status)
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    /// The text for a reader of `language`.
    func text(in language: Lang) -> String {
        localized?.text(in: language) ?? message
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
