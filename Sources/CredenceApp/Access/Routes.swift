import CredenceWire
import CredenceCore
import Hummingbird

/// The only way routes are added: each with its `Access`, enforced before the handler runs
/// — signed in, right role, and for web forms a valid CSRF token. Handlers can therefore
/// rely on `context.actor` being there whenever their rule says so.
public struct Routes {
    let router: Router<AppRequestContext>
    public let table: AccessTable
    let prefix: String

    init(_ router: Router<AppRequestContext>, table: AccessTable, prefix: String = "") {
        self.router = router
        self.table = table
        self.prefix = prefix
    }

    func group(_ path: String) -> Routes {
        Routes(router, table: table, prefix: join(prefix, path))
    }

    /// `uploads`: the route takes files (a form up to `MultipartForm.maxBytes`); any other
    /// form is read only up to `FormFields.maxBytes`.
    func on<Output: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: String, _ access: Access, uploads: Bool = false,
        use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Output
    ) {
        let fullPath = join(prefix, path)
        table.record(method, fullPath, access)
        let formLimit = uploads ? MultipartForm.maxBytes : FormFields.maxBytes
        router.on(RouterPath(fullPath), method: method) { request, context in
            var request = request
            try await Gate.check(access, formLimit: formLimit, &request, context)
            return try await handler(request, context)
        }
    }

    func get<Output: ResponseGenerator>(
        _ path: String, _ access: Access, use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Output
    ) {
        on(.get, path, access, use: handler)
    }

    func post<Output: ResponseGenerator>(
        _ path: String, _ access: Access, uploads: Bool = false,
        use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Output
    ) {
        on(.post, path, access, uploads: uploads, use: handler)
    }

    func delete<Output: ResponseGenerator>(
        _ path: String, _ access: Access, use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Output
    ) {
        on(.delete, path, access, use: handler)
    }

    private func join(_ a: String, _ b: String) -> String {
        let parts = (a.split(separator: "/") + b.split(separator: "/")).map(String.init)
        return "/" + parts.joined(separator: "/")
    }
}

/// What `Routes` checks before every handler: who is asking first (from headers alone),
/// then — for a web form — its CSRF token, reading no more of the body than the route takes.
/// A stranger's post to a staff route is refused before a byte of its body is read.
enum Gate {
    static func check(_ access: Access, formLimit: Int, _ request: inout Request, _ context: AppRequestContext) async throws {
        let isAPI = context.area.isMachine
        if case .signedIn = access {
            guard let actor = context.actor else {
                if isAPI {
                    throw APIError(status: .unauthorized, code: "unauthorized",
                                   message: "Sign in first: send Authorization: Bearer <token> (POST /api/v1/tokens gives one).")
                }
                throw SignInRequired(next: request.method == .get ? request.uri.description : nil)
            }
            guard access.allows(actor.account.role) else {
                throw APIError(status: .forbidden, code: "forbidden",
                               message: "Your role (\(actor.account.role.rawValue)) may not do this.")
            }
        }
        if !isAPI, request.method.isUnsafe {
            try await CSRF.verify(&request, context, formLimit: formLimit)
        }
    }
}

/// A page that needs a signed-in person, asked for by someone who is not: the web answers
/// with the sign-in page, then brings them back.
struct SignInRequired: Error {
    /// Where to go after signing in (a local path), if anywhere.
    var next: String?
}

extension HTTPRequest.Method {
    var isUnsafe: Bool { !(self == .get || self == .head || self == .options) }
}
