import HTTPTypes
import Hummingbird

/// The two cookies Credence sets, both HttpOnly and SameSite=Lax, and Secure when the
/// request came over TLS (directly or through a proxy saying `X-Forwarded-Proto: https`).
enum Cookies {
    static let session = "credence_session"
    static let csrf = "credence_csrf"

    static func make(_ name: String, _ value: String, for request: Request, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: isSecure(request), httpOnly: true, sameSite: .lax)
    }

    /// Removes a cookie from the browser.
    static func clear(_ name: String, for request: Request) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: isSecure(request), httpOnly: true, sameSite: .lax)
    }

    static func isSecure(_ request: Request) -> Bool {
        request.uri.scheme == .https || request.headers[.xForwardedProto]?.lowercased() == "https"
    }
}

extension HTTPField.Name {
    static let xForwardedProto = Self("X-Forwarded-Proto")!
}
