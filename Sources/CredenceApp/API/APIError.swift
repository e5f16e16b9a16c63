import CredenceCore
import CredenceStore
import Hummingbird

/// An error a caller can act on: `{"error": {"code", "message", "field"}}` with its status.
public struct APIError: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var field: String?
    /// Seconds, for a 429: sent as `Retry-After`.
    public var retryAfter: Int?

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

    /// Password checks are queued past their limit: nothing was done; try again shortly.
    public init(_ error: PasswordHasherBusy) {
        self.init(status: .serviceUnavailable, code: "busy",
                  message: "Too many sign-ins are being checked right now; nothing was changed. Try again in \(error.retryAfter) seconds.",
                  retryAfter: error.retryAfter)
    }

    public init(_ error: RateLimited) {
        self.init(status: .tooManyRequests, code: "too_many_attempts",
                  message: "Too many attempts from your address. Try again in \(error.retryAfter) seconds.", retryAfter: error.retryAfter)
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

    /// An account operation refused, in the API's terms.
    public init(_ error: AccountError) {
        switch error {
        case .invalid(let problems):
            let first = problems.first
            self.init(status: .unprocessableContent, code: "invalid_field",
                      message: problems.map(\.message.en).joined(separator: " "), field: first?.field)
        case .emailTaken:
            self.init(status: .conflict, code: "email_taken",
                      message: "An account with this email already exists. Sign in, or use another email.", field: "email")
        case .wrongCredentials:
            self.init(status: .unauthorized, code: "wrong_credentials",
                      message: "Wrong email or password (officers and administrators: or authenticator code, sent as totp).")
        case .throttled(let seconds):
            self.init(status: .tooManyRequests, code: "too_many_attempts",
                      message: "Too many attempts. Try again in \(seconds) seconds.", retryAfter: seconds)
        case .noSuchAccount(let email):
            self.init(status: .notFound, code: "not_found", message: "No account '\(email)'.")
        case .wrongCurrentPassword:
            self.init(status: .unprocessableContent, code: "wrong_password", message: "The current password is not right.",
                      field: "currentPassword")
        }
    }

    public init(_ error: VerificationError) {
        switch error {
        case .invalid(let problems):
            self.init(status: .unprocessableContent, code: "invalid_field",
                      message: problems.map(\.message.en).joined(separator: " "), field: problems.first?.field)
        case .notFound:
            self.init(status: .notFound, code: "not_found", message: "No such verification request.")
        case .illegal(let transition):
            self.init(status: .conflict, code: "illegal_transition", message: transition.message)
        case .attachmentTooLarge:
            self.init(status: .contentTooLarge, code: "too_large", message: "An attachment may be at most 10 MiB.", field: "file")
        case .attachmentType:
            self.init(status: .unsupportedMediaType, code: "unsupported_type",
                      message: "Attachments must be PDF, PNG or JPEG files (judged by their content, not their name).", field: "file")
        case .attachmentEmpty:
            self.init(status: .unprocessableContent, code: "empty_file", message: "The attachment is empty.", field: "file")
        case .tooManyAttachments:
            self.init(status: .conflict, code: "too_many_attachments", message: "A request may have at most 5 attachments.", field: "file")
        case .quotaExceeded(let quota):
            self.init(status: .contentTooLarge, code: "quota_exceeded",
                      message: "Your organization's attachments would pass its storage quota of \(quota / 1_048_576) MiB; nothing was stored. Ask the service to raise it.",
                      field: "file")
        }
    }

    public init(_ error: EditionError) {
        switch error {
        case .invalid(let problems):
            self.init(status: .unprocessableContent, code: "invalid_field",
                      message: problems.map(\.message.en).joined(separator: " "), field: problems.first?.field)
        case .notFound(let what):
            self.init(status: .notFound, code: "not_found", message: "No '\(what)'.")
        case .published(let message):
            self.init(status: .conflict, code: "edition_published", message: message)
        case .conflict(let message):
            self.init(status: .conflict, code: "conflict", message: message)
        }
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
