import CredenceCore

/// A request body, form or path that cannot be read as what it says it is (400).
public struct MalformedBody: DescribedError, Equatable {
    public var code: String
    public var message: BilingualText
    public var field: String?

    public init(code: String, message: BilingualText, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public var kind: ErrorKind { .badRequest }
}
