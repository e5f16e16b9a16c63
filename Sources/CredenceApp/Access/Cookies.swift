import HTTPTypes
import Hummingbird

/// The cookies Credence sets, all HttpOnly and SameSite=Lax, and Secure when the client is
/// on TLS (served directly, or a trusted proxy says `https`).
enum Cookies {
    static let session = "credence_session"
    static let csrf = "credence_csrf"
    static let language = "lang"

    static func make(_ name: String, _ value: String, for context: AppRequestContext, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: context.origin.isSecure, httpOnly: true, sameSite: .lax)
    }

    /// Removes a cookie from the browser.
    static func clear(_ name: String, for context: AppRequestContext) -> Cookie {
        make(name, "", for: context, maxAge: 0)
    }
}
