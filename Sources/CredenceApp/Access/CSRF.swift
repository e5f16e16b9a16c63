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
            response.setCookie(Cookies.make(Cookies.csrf, token, for: request))
        }
        return response
    }
}

/// A form's fields: an `application/x-www-form-urlencoded` or `multipart/form-data` body
/// (with its files), read once and kept on the request for the handler.
struct FormFields: Sendable {
    var pairs: [(String, String)]
    var files: [MultipartForm.File] = []

    static let maxBytes = 64 * 1024

    /// The form, read up to `limit` bytes (the gate reads it first with the route's limit;
    /// a handler's read finds it already there).
    static func read(_ request: inout Request, upTo limit: Int = MultipartForm.maxBytes) async throws -> FormFields {
        let contentType = request.headers[.contentType] ?? ""
        if let boundary = MultipartForm.boundary(of: contentType) {
            let body = try await request.collectBody(upTo: limit)
            let form = try MultipartForm(body: Array(buffer: body), boundary: boundary)
            var fields = FormFields(query: "")
            fields.pairs = form.fields
            fields.files = form.files
            return fields
        }
        guard contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            return FormFields(query: "")
        }
        let body = try await request.collectBody(upTo: min(limit, maxBytes))
        return FormFields(query: String(buffer: body))
    }

    init(query: String) {
        pairs = query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring?) -> String {
                String(part ?? "").replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            return (decode(parts.first), decode(parts.count > 1 ? parts[1] : nil))
        }
    }

    func first(_ name: String) -> String? {
        pairs.first { $0.0 == name }?.1
    }

    /// The value, or "" when absent: what an empty text box sends.
    subscript(_ name: String) -> String { first(name) ?? "" }
}
