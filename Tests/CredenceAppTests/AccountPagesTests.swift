import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The account pages as a browser uses them: forms with CSRF tokens, cookies, redirects.
@Suite struct AccountPagesTests {
    static func cookie(_ name: String, in response: TestResponse) -> String? {
        response.headers[values: .setCookie].lazy.compactMap { header -> String? in
            guard header.hasPrefix(name + "=") else { return nil }
            return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
        }.first
    }

    static let registration: [(String, String)] = [
        ("organizationName", "天津港东疆贸易有限公司"), ("unifiedSocialCreditCode", TestAccounts.creditCode()),
        ("contactName", "刘洋"), ("email", "hr@dongjiang.example"), ("phone", "022-2560 1234"),
        ("password", TestAccounts.password), ("passwordConfirmation", TestAccounts.password),
    ]

    @Test(arguments: TestDatabase.available)
    func anEmployerRegistersOnTheWebAndIsSignedIn(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            // The form page hands out a CSRF token (cookie) and embeds it.
            let page = try await app.client.execute(uri: "/register", method: .get)
            let token = try #require(Self.cookie("credence_csrf", in: page))
            #expect(page.text.contains("name=\"csrf\" value=\"\(token)\""))
            let setCookie = page.headers[values: .setCookie].joined(separator: "\n")
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))

            let registered = try await app.client.execute(
                uri: "/register", method: .post, headers: TestForms.headers(), body: TestForms.body(Self.registration))
            #expect(registered.status == .seeOther)
            #expect(registered.headers[.location] == "/requests")
            let session = try #require(Self.cookie("credence_session", in: registered))
            let newToken = try #require(Self.cookie("credence_csrf", in: registered), "the CSRF token is rotated at sign-in")
            #expect(newToken != TestForms.csrf)

            let account = try await app.client.execute(
                uri: "/account", method: .get, headers: [.cookie: "credence_session=\(session)", .acceptLanguage: "en"])
            #expect(account.status == .ok)
            #expect(account.text.contains("天津港东疆贸易有限公司") && account.text.contains("hr@dongjiang.example"))

            let again = try await app.client.execute(
                uri: "/register", method: .post, headers: TestForms.headers(), body: TestForms.body(Self.registration))
            #expect(again.status == .conflict)
            #expect(again.text.contains("already registered") || again.text.contains("已经注册"))
        }
    }

    @Test func badRegistrationsShowEveryProblemAndKeepWhatWasTyped() async throws {
        try await withOpenApp(.sqlite) { app in
            var fields = Self.registration
            fields[1] = ("unifiedSocialCreditCode", "91120116MA05T2XQ10")
            fields[3] = ("email", "hr-at-dongjiang")
            fields[6] = ("passwordConfirmation", "something else entirely")
            let response = try await app.client.execute(
                uri: "/register", method: .post, headers: TestForms.headers().merging([.acceptLanguage: "en"]),
                body: TestForms.body(fields))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("Unified social credit code must be the 18-character code"))
            #expect(response.text.contains("Email must be an email address"))
            #expect(response.text.contains("The two passwords differ."))
            #expect(response.text.contains("value=\"hr-at-dongjiang\""))
            #expect(!response.text.contains(TestAccounts.password), "passwords are never echoed")
            #expect(try await app.store.accounts.list().isEmpty, "nothing half-made")
        }
    }

    @Test(arguments: TestDatabase.available)
    func formsWithoutTheRightTokenAreRefused(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let body = TestForms.body(Self.registration, csrf: nil)
            let noToken = try await app.client.execute(uri: "/register", method: .post, headers: TestForms.headers(), body: body)
            #expect(noToken.status == .forbidden)
            let wrong = try await app.client.execute(
                uri: "/register", method: .post, headers: TestForms.headers(),
                body: TestForms.body(Self.registration, csrf: "another-token-entirely-0123456789abcdefgh"))
            #expect(wrong.status == .forbidden)
            var noCookie = TestForms.headers()
            noCookie[.cookie] = nil
            #expect(try await app.client.execute(uri: "/register", method: .post, headers: noCookie,
                                                 body: TestForms.body(Self.registration)).status == .forbidden)
            var crossSite = TestForms.headers()
            crossSite[.origin] = "https://evil.example"
            #expect(try await app.client.execute(uri: "/register", method: .post, headers: crossSite,
                                                 body: TestForms.body(Self.registration)).status == .forbidden)
            #expect(try await app.store.accounts.list().isEmpty, "no refused form changed anything")
        }
    }

    @Test(arguments: TestDatabase.available)
    func signingInRotatesTheSessionAndSigningOutEndsIt(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let employer = try await TestAccounts.employer("Acme", on: app.store)
            let old = try await app.store.accounts.openSession(for: employer)
            let signedIn = try await app.client.execute(
                uri: "/sign-in?next=%2Fbenefits", method: .post, headers: TestForms.headers(session: old),
                body: TestForms.body([("email", employer.email), ("password", TestAccounts.password), ("totp", "")]))
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/benefits")
            let new = try #require(Self.cookie("credence_session", in: signedIn))
            #expect(new != old)
            #expect(try await app.store.accounts.account(forSession: old) == nil, "the old session id is dead")
            #expect(try await app.store.accounts.account(forSession: new)?.email == employer.email)

            let wrong = try await app.client.execute(
                uri: "/sign-in", method: .post, headers: TestForms.headers().merging([.acceptLanguage: "en"]),
                body: TestForms.body([("email", employer.email), ("password", "not the password")]))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("Wrong email or password."))
            let away = try await app.client.execute(
                uri: "/sign-in?next=https%3A%2F%2Fevil.example", method: .post, headers: TestForms.headers(),
                body: TestForms.body([("email", employer.email), ("password", TestAccounts.password)]))
            #expect(away.headers[.location] == "/requests", "never redirected off the site")

            let out = try await app.client.execute(uri: "/sign-out", method: .post, headers: TestForms.headers(session: new),
                                                   body: TestForms.body([]))
            #expect(out.status == .seeOther)
            #expect(try await app.store.accounts.account(forSession: new) == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anOfficerSignsInOnTheWebWithACode(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let (officer, totp) = try await TestAccounts.staff(.officer, on: app.store)
            let fields = [("email", officer.email), ("password", TestAccounts.password)]
            let withoutCode = try await app.client.execute(
                uri: "/sign-in", method: .post, headers: TestForms.headers().merging([.acceptLanguage: "en"]),
                body: TestForms.body(fields))
            #expect(withoutCode.status == .unauthorized)
            #expect(withoutCode.text.contains("6-digit code"))
            let withCode = try await app.client.execute(
                uri: "/sign-in", method: .post, headers: TestForms.headers(),
                body: TestForms.body(fields + [("totp", totp.code(at: Date().timeIntervalSince1970))]))
            #expect(withCode.status == .seeOther)
            #expect(Self.cookie("credence_session", in: withCode) != nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func changingThePasswordSignsOutEverywhereElse(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let employer = try await TestAccounts.employer("Acme", on: app.store)
            let here = try await app.store.accounts.openSession(for: employer)
            let elsewhere = try await app.store.accounts.openSession(for: employer)
            let token = try await app.store.accounts.issueToken(for: employer)
            let new = "an even longer passphrase"
            let mismatch = try await app.client.execute(
                uri: "/account/password", method: .post, headers: TestForms.headers(session: here),
                body: TestForms.body([("currentPassword", TestAccounts.password), ("newPassword", new), ("newPasswordConfirmation", "x")]))
            #expect(mismatch.status == .unprocessableContent)
            let common = try await app.client.execute(
                uri: "/account/password", method: .post, headers: TestForms.headers(session: here),
                body: TestForms.body([("currentPassword", TestAccounts.password), ("newPassword", "1234567890"),
                                      ("newPasswordConfirmation", "1234567890")]))
            #expect(common.status == .unprocessableContent)
            let wrongCurrent = try await app.client.execute(
                uri: "/account/password", method: .post, headers: TestForms.headers(session: here),
                body: TestForms.body([("currentPassword", "not it at all"), ("newPassword", new), ("newPasswordConfirmation", new)]))
            #expect(wrongCurrent.status == .unprocessableContent)
            let changed = try await app.client.execute(
                uri: "/account/password", method: .post, headers: TestForms.headers(session: here),
                body: TestForms.body([("currentPassword", TestAccounts.password), ("newPassword", new), ("newPasswordConfirmation", new)]))
            #expect(changed.status == .ok)
            #expect(try await app.store.accounts.account(forSession: here) != nil, "this browser stays signed in")
            #expect(try await app.store.accounts.account(forSession: elsewhere) == nil)
            #expect(try await app.store.accounts.account(forToken: token.token) == nil)
            _ = try await app.store.accounts.signIn(email: employer.email, password: new, totp: nil, address: "test")
        }
    }
}

extension HTTPFields {
    func merging(_ other: HTTPFields) -> HTTPFields {
        var result = self
        for field in other { result[field.name] = field.value }
        return result
    }
}
