import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// `/admin/users`: the list, and the administrators' steps on staff accounts (issue 43).
struct StaffWebController {
    let store: Store

    func addRoutes(to routes: Routes) {
        routes.get("admin/users", .signedIn([.admin]), use: list)
        routes.post("admin/users", .signedIn([.admin]), use: create)
        routes.post("admin/users/:account/disable", .signedIn([.admin]), use: disable)
        routes.post("admin/users/:account/role", .signedIn([.admin]), use: changeRole)
    }

    @Sendable func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await page(request, context)
    }

    @Sendable func create(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        let admin = try context.requireActor().account
        let password = SecretToken.make()
        return try await step(request, context) {
            let (account, totp) = try await store.accounts.createStaff(
                by: admin, code: form["totp"], address: context.remoteAddress, role: Role(rawValue: form["role"]) ?? .employer,
                email: form["email"], name: form["name"], password: password, department: form["department"].isEmpty ? nil : form["department"])
            let uri = totp.uri(account: account.email)
            return UsersPage.Created(account: account, password: password, secret: totp.base32, qr: try? QRCode(uri).svg(title: "otpauth"))
        }
    }

    @Sendable func disable(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        let id = try Self.accountID(context)
        return try await step(request, context) {
            let account = try await store.accounts.disable(id, by: try context.requireActor().account, code: form["totp"], address: context.remoteAddress)
            return BilingualText(zh: "已停用 \(account.email)，其登录和令牌均已失效。", en: "Disabled \(account.email); their sessions and tokens no longer work.")
        }
    }

    @Sendable func changeRole(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        let id = try Self.accountID(context)
        return try await step(request, context) {
            let account = try await store.accounts.setRole(id, to: Role(rawValue: form["role"]) ?? .employer, by: try context.requireActor().account,
                                                           code: form["totp"], address: context.remoteAddress)
            return BilingualText(zh: "\(account.email) 现为\(account.role.name.zh)。", en: "\(account.email) is now \(account.role.name.en).")
        }
    }

    static func accountID(_ context: AppRequestContext) throws -> UUID {
        guard let id = UUID(uuidString: try context.pathText("account")) else { throw HTTPError(.notFound) }
        return id
    }

    /// Runs a step; its result or refusal is said on the list.
    private func step<T>(_ request: Request, _ context: AppRequestContext, _ body: () async throws -> T) async throws -> Response {
        do {
            let result = try await body()
            if let created = result as? UsersPage.Created { return try await page(request, context, created: created) }
            return try await page(request, context, done: result as? BilingualText)
        } catch let error as AccountError {
            if case .noSuchAccount = error { throw HTTPError(.notFound) }
            var headers = HTTPFields()
            if case .throttled(let seconds) = error { headers[.retryAfter] = String(seconds) }
            var response = try await page(request, context, error: error.message, status: APIError(error).status)
            response.headers.append(contentsOf: headers)
            return response
        }
    }

    private func page(_ request: Request, _ context: AppRequestContext, done: BilingualText? = nil, error: BilingualText? = nil,
                      created: UsersPage.Created? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let page = UsersPage(accounts: try await store.accounts.list(), departments: try await store.editions.departments(),
                             viewer: context.actor?.account, done: done, error: error, created: created)
        var response = Response.html(page.render(PageContext(request, context)), status: status)
        if created != nil { response.headers[.cacheControl] = "no-store" }  // the secret is shown once: never kept by a cache
        return response
    }
}
