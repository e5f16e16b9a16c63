import CredenceCore
import Foundation
import Hummingbird
import Synchronization

/// Cross-site request forgery protection for the pages' forms: every browser gets a random
/// token in an HttpOnly cookie, every form carries it in a hidden `csrf` field, and a form
/// is accepted only when the two match (and, when the browser names the page it came from,
/// that page is ours). Another site can make a browser post, but can neither read the
/// cookie nor set it.
enum CSRF {
    static let field = "csrf"

    static func verify(_ request: inout Request, _ context: AppRequestContext, formLimit: Int) async throws {
        if let origin = request.headers[.origin], origin != "null", let host = request.head.authority,
           URL(string: origin).map({ hostAndPort($0) }) != host.lowercased()
        {
            throw refusal
        }
        guard let expected = request.cookies[Cookies.csrf]?.value, !expected.isEmpty else { throw refusal }
        let form = try await FormFields.read(&request, upTo: formLimit)
        guard let sent = form.first(field), SecretToken.constantTimeEqual(sent, expected) else { throw refusal }
    }

    static let refusal = APIError(
        status: .forbidden, code: "csrf",
        message: "This form has expired or did not come from this site. Go back, reload the page and send it again.")

    private static func hostAndPort(_ url: URL) -> String {
        (url.host ?? "").lowercased() + (url.port.map { ":\($0)" } ?? "")
    }
}

/// This browser's CSRF token for one request: the cookie's, or — only when a page renders a
/// form and asks for it — a new one, which `CSRFCookie` then sets as the cookie.
/// Pages without forms, assets and cookieless readers mint nothing.
public final class CSRFToken: Sendable {
    private let existing: String?
    private let state = Mutex<(minted: String?, used: Bool)>((nil, false))

    init(existing: String?) { self.existing = existing }

    /// The token a form carries (mints one on first use when the browser has none).
    var value: String {
        state.withLock { state in
            state.used = true
            if let existing { return existing }
            if let minted = state.minted { return minted }
            let token = SecretToken.make()
            state.minted = token
            return token
        }
    }

    /// A token minted during this request, for the cookie.
    var minted: String? { state.withLock { $0.minted } }
    /// Whether anything rendered the token (a page that did is never cached).
    var wasUsed: Bool { state.withLock { $0.used } }
}

/// Gives every page request its `CSRFToken`, and the browser a cookie when a new token was
/// minted for one of its forms.
enum CSRFCookie {
    /// Before the handler: the page's token, from the cookie (or one to mint if a form asks).
    static func open(_ request: Request, _ context: inout AppRequestContext) {
        guard !context.area.isMachine else { return }
        let cookie = request.cookies[Cookies.csrf]?.value
        context.csrf = CSRFToken(existing: cookie.flatMap { $0.count >= 32 ? $0 : nil })
    }

    /// After it: the cookie, if a token was minted and the handler set none.
    static func close(_ response: inout Response, _ context: AppRequestContext) {
        if let minted = context.csrf?.minted, response.headers[.setCookie]?.contains(Cookies.csrf + "=") != true {
            response.setCookie(Cookies.make(Cookies.csrf, minted, for: context))
        }
    }
}
