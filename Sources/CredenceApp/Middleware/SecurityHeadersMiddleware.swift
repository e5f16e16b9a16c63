import HTTPTypes
import Hummingbird

/// Headers every response carries: the pages load nothing from elsewhere and run no
/// script, so the policy can be strict. Over TLS (served, or a trusted proxy's `https`),
/// browsers are told to use nothing else for a year.
struct SecurityHeadersMiddleware: RouterMiddleware {
    /// Made once, not per response (their values are checked when a field is made). No
    /// handler sets these, so they are appended, not searched for and replaced.
    static let fields: [HTTPField] = [
        HTTPField(name: .contentSecurityPolicy,
                  value: "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        HTTPField(name: .xContentTypeOptions, value: "nosniff"),
        HTTPField(name: .referrerPolicy, value: "same-origin"),
    ]
    static let overTLS = HTTPField(name: .strictTransportSecurity, value: "max-age=31536000")

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        response.headers.append(contentsOf: Self.fields)
        if context.origin.isSecure { response.headers.append(Self.overTLS) }
        return response
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let strictTransportSecurity = Self("Strict-Transport-Security")!
}
