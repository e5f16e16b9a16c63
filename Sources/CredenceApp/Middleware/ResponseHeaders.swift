import HTTPTypes
import Hummingbird

/// Headers responses carry, refusals too. Every response: the pages load nothing from
/// elsewhere and run no script, so the policy can be strict; over TLS (served, or a trusted
/// proxy's `https`) browsers are told to use nothing else for a year. The holder's pages
/// and API — and their refusals — are never cached or indexed: the link is the key
/// (issue 31).
enum ResponseHeaders {
    /// Made once, not per response (their values are checked when a field is made). No
    /// handler sets these, so they are appended, not searched for and replaced.
    static let fields: [HTTPField] = [
        HTTPField(name: .contentSecurityPolicy,
                  value: "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        HTTPField(name: .xContentTypeOptions, value: "nosniff"),
        HTTPField(name: .referrerPolicy, value: "same-origin"),
    ]
    static let overTLS = HTTPField(name: .strictTransportSecurity, value: "max-age=31536000")
    static let holderFields: [HTTPField] = [
        HTTPField(name: .cacheControl, value: "no-store"),
        HTTPField(name: HTTPField.Name("X-Robots-Tag")!, value: "noindex, nofollow"),
    ]

    static func add(to response: inout Response, _ context: AppRequestContext) {
        response.headers.append(contentsOf: fields)
        if context.origin.isSecure { response.headers.append(overTLS) }
        if context.area.isHolder {
            response.headers[.cacheControl] = nil
            response.headers.append(contentsOf: holderFields)
        }
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let strictTransportSecurity = Self("Strict-Transport-Security")!
}
