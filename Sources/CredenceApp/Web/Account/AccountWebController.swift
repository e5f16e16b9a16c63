import CredenceCore
import CredenceStore
import Hummingbird

/// The account pages: register, sign in and out, the account and its password, the user
/// list. Forms post; `Routes` has checked their CSRF token before a handler runs.
struct AccountWebController {
    let store: Store

    func addRoutes(to routes: Routes) {
        routes.get("register", .anyone, use: registerPage)
        routes.post("register", .anyone, use: register)
        routes.get("sign-in", .anyone, use: signInPage)
        routes.post("sign-in", .anyone, use: signIn)
        routes.post("sign-out", .anyone, use: signOut)
        routes.get("account", .anyAccount, use: accountPage)
        routes.post("account/password", .anyAccount, use: changePassword)
        routes.post("account/notifications", .signedIn([.employer]), use: setNotifications)
    }

    @Sendable func registerPage(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        Response.html(RegisterPage().render(PageContext(request, context)))
    }

    @Sendable func signInPage(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        Response.html(SignInPage(next: SiteURL.localPath(request.uri.queryParameters["next"].map(String.init)))
            .render(PageContext(request, context)))
    }

    @Sendable func signOut(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        if case .session(let secret)? = context.actor?.credential {
            try await store.accounts.closeSession(secret)
            try await store.accounts.audit("session.closed", actor: context.actor?.account.id, address: context.remoteAddress)
        }
        var response = Response(status: .seeOther, headers: [.location: SiteURL.home.path])
        response.setCookie(Cookies.clear(Cookies.session, for: context))
        return response
    }

    @Sendable func accountPage(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let account = try context.requireActor().account
        var page = AccountPage(account: account)
        if account.role == .employer { page.emailNotifications = try await store.mails.notificationsEnabled(for: account) }
        if account.role == .admin { page.mailWaiting = try await store.mails.pending() }
        return Response.html(page.render(PageContext(request, context)))
    }

    @Sendable func setNotifications(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        try await store.mails.setNotifications(form["email"] == "true", for: try context.requireActor().account)
        return Response(status: .seeOther, headers: [.location: SiteURL.account.path])
    }

    @Sendable func register(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        let values = Dictionary(uniqueKeysWithValues: RegisterPage.fields.map { ($0.name, form[$0.name]) })
        var page = RegisterPage(values: values)
        if form["password"] != form["passwordConfirmation"] {
            page.errors["passwordConfirmation"] = BilingualText(zh: "两次输入的密码不一致。", en: "The two passwords differ.")
        }
        let registration = EmployerRegistration(
            organizationName: form["organizationName"], unifiedSocialCreditCode: form["unifiedSocialCreditCode"],
            contactName: form["contactName"], email: form["email"], phone: form["phone"], password: form["password"])
        do {
            _ = try registration.validated()
        } catch {
            for problem in error.problems { page.errors[problem.field ?? ""] = problem.message }
        }
        guard page.errors.isEmpty else {
            return Response.html(page.render(PageContext(request, context)), status: .unprocessableContent)
        }
        do {
            let account = try await store.accounts.registerEmployer(registration, address: context.remoteAddress)
            return try await startSession(for: account, request, context, next: SiteURL.requests.path)
        } catch AccountError.emailTaken {
            page.errors["email"] = BilingualText(zh: "这个邮箱已经注册过，请直接登录。", en: "This email is already registered: sign in instead.")
            return Response.html(page.render(PageContext(request, context)), status: .conflict)
        }
    }

    @Sendable func signIn(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        let next = SiteURL.localPath(request.uri.queryParameters["next"].map(String.init))
        var page = SignInPage(email: form["email"], next: next)
        do {
            let account = try await store.accounts.signIn(
                email: form["email"], password: form["password"], totp: form["totp"], address: context.remoteAddress)
            let home = SiteURL.home(of: account.role).path
            return try await startSession(for: account, request, context, next: next ?? home)
        } catch AccountError.wrongCredentials {
            page.error = BilingualText(
                zh: "邮箱或密码不正确。工作人员还须填写身份验证器当前显示的6位验证码（每个验证码只能使用一次）。",
                en: "Wrong email or password. Staff also enter the 6-digit code their authenticator app shows now (each code works once).")
            return Response.html(page.render(PageContext(request, context)), status: .unauthorized)
        } catch AccountError.throttled(let seconds) {
            let minutes = max(1, (seconds + 59) / 60)
            page.error = BilingualText(zh: "尝试次数过多，请\(minutes)分钟后再试。", en: "Too many attempts. Try again in \(minutes) minutes.")
            var response = Response.html(page.render(PageContext(request, context)), status: .tooManyRequests)
            response.headers[.retryAfter] = String(seconds)
            return response
        }
    }

    /// Signs the browser in with a new session (any earlier one is closed: the id changes at
    /// sign-in) and a new CSRF token.
    private func startSession(for account: Account, _ request: Request, _ context: AppRequestContext, next: String) async throws
        -> Response
    {
        if let old = request.cookies[Cookies.session]?.value, !old.isEmpty {
            try await store.accounts.closeSession(old)
        }
        let secret = try await store.accounts.openSession(for: account)
        var response = Response(status: .seeOther, headers: [.location: next])
        response.setCookie(Cookies.make(Cookies.session, secret, for: context))
        response.setCookie(Cookies.make(Cookies.csrf, SecretToken.make(), for: context))
        return response
    }

    @Sendable func changePassword(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let actor = try context.requireActor()
        let form = try await FormFields.read(&request)
        var page = AccountPage(account: actor.account)
        if form["newPassword"] != form["newPasswordConfirmation"] {
            page.errors["newPasswordConfirmation"] = BilingualText(zh: "两次输入的新密码不一致。", en: "The two new passwords differ.")
            return Response.html(page.render(PageContext(request, context)), status: .unprocessableContent)
        }
        var kept: String?
        if case .session(let secret) = actor.credential { kept = secret }
        do {
            try await store.accounts.changePassword(
                of: actor.account, current: form["currentPassword"], new: form["newPassword"], keepingSession: kept)
            page.done = BilingualText(zh: "密码已修改。", en: "Your password has been changed.")
            return Response.html(page.render(PageContext(request, context)))
        } catch AccountError.wrongCurrentPassword {
            page.errors["currentPassword"] = BilingualText(zh: "当前密码不正确。", en: "The current password is not right.")
        } catch AccountError.invalid(let problems) {
            for problem in problems { page.errors[problem.field ?? "newPassword"] = problem.message }
        }
        return Response.html(page.render(PageContext(request, context)), status: .unprocessableContent)
    }
}
