import CredenceCore
import Foundation
import Hummingbird

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

/// Gives every browser its CSRF token: the cookie's value when it has one, a new one (set
/// on the response) when it does not.
struct CSRFCookieMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard !ErrorMiddleware.isMachineRoute(request.uri.path) else { return try await next(request, context) }
        var context = context
        if let token = request.cookies[Cookies.csrf]?.value, token.count >= 32 {
            context.csrfToken = token
            return try await next(request, context)
        }
        let token = SecretToken.make()
        context.csrfToken = token
        var response = try await next(request, context)
        if response.headers[.setCookie]?.contains(Cookies.csrf + "=") != true {
            response.setCookie(Cookies.make(Cookies.csrf, token, for: context))
        }
        return response
    }
}
