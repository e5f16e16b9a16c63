import CredenceCore
import Hummingbird

/// `CREDENCE_VERIFICATION=external`: this installation takes no verification requests. The
/// request pages become one page that sends employers to the notice's platform, and every
/// `/api/v1/verification-requests…` and `/api/v1/verification-batches…` route answers 404
/// `verification_external` with the platform's address. The rest of Credence is untouched.
/// Added to the router only in that mode, so a local installation pays nothing for it.
struct ExternalVerificationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let installation: Installation

    static let apiPrefixes = ["/api/v1/verification-requests", "/api/v1/verification-batches"]
    static let pagePrefixes = ["/requests", "/batches"]

    static let error: APIError = {
        var error = APIError(
            status: .notFound, code: "verification_external",
            message: "This installation does not take verification requests. Employers apply through the "
                + "\(VerificationPlatform.name.en), \(VerificationPlatform.address) (the notice, section 3 and annex 2).")
        error.localized = BilingualText(
            zh: "本站不受理查验申请。用人单位请通过\(VerificationPlatform.name.zh)（\(VerificationPlatform.address)）申请（《通知》第三部分及附件2）。",
            en: error.message)
        return error
    }()

    static func covers(_ path: String, _ prefixes: [String]) -> Bool {
        prefixes.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if Self.covers(path, Self.apiPrefixes) { throw Self.error }
        if Self.covers(path, Self.pagePrefixes) {
            let page = ExternalVerificationPage(installation: installation).render(PageContext(request, context))
            let shown = request.method == .get && (path == "/requests" || path == "/requests/new")
            return Response.html(page, status: shown ? .ok : .notFound)
        }
        return try await next(request, context)
    }
}
