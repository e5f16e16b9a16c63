import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import SQLKit
import Hummingbird
import HummingbirdTesting
import Testing

/// Registration, tokens and `me` over HTTP, on every database this run has.
@Suite struct AccountsAPITests {
    static func registration(email: String = "hr@acme.example", code: String = TestAccounts.creditCode(),
                             password: String = TestAccounts.password) -> String {
        #"{"organizationName": "Acme Tianjin Ltd", "unifiedSocialCreditCode": "\#(code)", "contactName": "Li Na", "email": "\#(email)", "phone": "+86 22 5555 0100", "password": "\#(password)"}"#
    }

    @Test(arguments: TestDatabase.available)
    func anEmployerRegistersSignsInAndIsKnown(database: TestDatabase) async throws {
        try await withLiveApp(database) { client in
            let created = try await client.post("/api/v1/employers", Self.registration(email: " HR@Acme.example "))
            #expect(created.status == .created)
            let employer = try created.jsonObject()
            #expect(employer["email"] as? String == "hr@acme.example")
            #expect(employer["organizationName"] as? String == "Acme Tianjin Ltd")

            let duplicate = try await client.post("/api/v1/employers", Self.registration(email: "hr@ACME.example"))
            #expect(duplicate.status == .conflict)
            #expect((try duplicate.jsonObject()["error"] as? [String: Any])?["field"] as? String == "email")

            let issued = try await client.post("/api/v1/tokens", #"{"email": "hr@acme.example", "password": "\#(TestAccounts.password)"}"#)
            #expect(issued.status == .created)
            let token = try #require(try issued.jsonObject()["token"] as? String)
            #expect(try issued.jsonObject()["role"] as? String == "employer")
            #expect(try issued.jsonObject()["expiresAt"] is String)

            let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(me.status == .ok)
            #expect(try me.jsonObject()["id"] as? String == employer["id"] as? String)
            #expect(try me.jsonObject()["organizationName"] as? String == "Acme Tianjin Ltd")

            let revoked = try await client.execute(uri: "/api/v1/tokens/current", method: .delete, headers: [.authorization: "Bearer \(token)"])
            #expect(revoked.status == .noContent)
            let after = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(after.status == .unauthorized)
            #expect(after.headers[.wwwAuthenticate] == "Bearer")
            let anonymous = try await client.execute(uri: "/api/v1/me", method: .get)
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.available)
    func badRegistrationsNameTheField(database: TestDatabase) async throws {
        let code = TestAccounts.creditCode()
        var wrongCheck = Array(code)
        wrongCheck[17] = wrongCheck[17] == "0" ? "1" : "0"
        let cases: [(String, Int, String?)] = [
            (Self.registration(code: String(wrongCheck)), 422, "unifiedSocialCreditCode"),
            (Self.registration(code: "12345"), 422, "unifiedSocialCreditCode"),
            (Self.registration(email: "not-an-email"), 422, "email"),
            (Self.registration(password: "short"), 422, "password"),
            (Self.registration(password: "1234567890"), 422, "password"),
            (Self.registration(password: "qwertyuiop"), 422, "password"),
            (#"{"organizationName": "Acme"}"#, 422, "unifiedSocialCreditCode"),
            (Self.registration().replacingOccurrences(of: #""phone": "+86 22 5555 0100""#, with: #""phone": 12345"#), 422, "phone"),
            (Self.registration().replacingOccurrences(of: "}", with: #", "role": "admin"}"#), 422, "role"),
            ("{", 400, nil),
        ]
        try await withLiveApp(database) { client in
            for (body, status, field) in cases {
                let response = try await client.post("/api/v1/employers", body)
                #expect(response.status.code == status, "\(body)")
                let error = try #require(try response.jsonObject()["error"] as? [String: Any])
                if let field { #expect(error["field"] as? String == field, "\(body)") }
            }
            // Nothing was half-made: the good registration still goes through.
            #expect(try await client.post("/api/v1/employers", Self.registration()).status == .created)
        }
    }

    /// Over HTTP every test request comes from 127.0.0.1, so five failures for one email stop
    /// that (email, address) pair: 429 with Retry-After, even with the right password; an
    /// unknown email gets the very same answers as a known one.
    @Test(arguments: TestDatabase.available)
    func failedSignInsAreThrottledTheSameWhetherOrNotTheEmailExists(database: TestDatabase) async throws {
        try await withLiveApp(database) { client in
            #expect(try await client.post("/api/v1/employers", Self.registration()).status == .created)
            func attempt(_ email: String, _ password: String) async throws -> TestResponse {
                try await client.post("/api/v1/tokens", #"{"email": "\#(email)", "password": "\#(password)"}"#)
            }
            let known = try await attempt("hr@acme.example", "wrong password 1")
            let unknown = try await attempt("nobody@acme.example", "wrong password 1")
            #expect(known.status == .unauthorized && unknown.status == .unauthorized)
            #expect(known.text == unknown.text, "the same message whether or not the email exists")
            for _ in 0..<4 {
                #expect(try await attempt("hr@acme.example", "wrong password 2").status == .unauthorized)
            }
            let locked = try await attempt("hr@acme.example", TestAccounts.password)
            #expect(locked.status == .tooManyRequests)
            let retry = try #require(locked.headers[.retryAfter].flatMap(Int.init))
            #expect(retry > 800 && retry <= 900)
            for _ in 0..<4 {
                #expect(try await attempt("nobody@acme.example", "anything at all").status == .unauthorized)
            }
            let lockedUnknown = try await attempt("nobody@acme.example", "anything at all")
            #expect(lockedUnknown.status == .tooManyRequests)
            #expect((try lockedUnknown.jsonObject()["error"] as? [String: Any])?["code"] as? String == "too_many_attempts")
        }
    }

    /// The counters apart: an (account, address) pair stops after five failures; an address
    /// after fifty on any accounts; an account failing from many addresses slows the
    /// addresses that failed (2, 4, 8… s) and never one that has not; a success clears the
    /// account and its pair.
    @Test(arguments: TestDatabase.available)
    func theThrottleCountsPerPairPerAddressAndSlowsTheAccount(database: TestDatabase) async throws {
        let clock = TestClock()
        try await withOpenApp(database, clock: clock) { app in
            let accounts = app.store.accounts
            let employer = try await TestAccounts.employer("Acme", on: app.store)
            func signIn(_ email: String, _ password: String, from address: String) async -> AccountError? {
                do {
                    _ = try await accounts.signIn(email: email, password: password, totp: nil, address: address)
                    return nil
                } catch let error as AccountError {
                    return error
                } catch {
                    return .noSuchAccount("unexpected \(error)")
                }
            }
            // The pair: five failures, then even the right password is refused from there — not elsewhere.
            for _ in 0..<5 { #expect(await signIn(employer.email, "wrong password!", from: "10.0.0.1") == .wrongCredentials) }
            guard case .throttled(let wait)? = await signIn(employer.email, TestAccounts.password, from: "10.0.0.1") else {
                Issue.record("the pair should be stopped")
                return
            }
            #expect(wait > 0 && wait <= 900)
            #expect(await signIn(employer.email, TestAccounts.password, from: "10.0.1.1") == nil, "the owner elsewhere signs in")

            // The account, from many addresses: slowed for the addresses that failed.
            for i in 0..<5 { #expect(await signIn(employer.email, "wrong password!", from: "10.0.2.\(i)") == .wrongCredentials) }
            // The clock is real time plus the test's offset, so a loaded machine may have used up
            // a second of a wait by the time it is read: the waits are checked to within one.
            guard case .throttled(let first)? = await signIn(employer.email, "wrong password!", from: "10.0.2.0") else {
                Issue.record("the account should be slowed")
                return
            }
            #expect((1...2).contains(first))
            clock.advance(by: 2.5)
            #expect(await signIn(employer.email, "wrong password!", from: "10.0.2.0") == .wrongCredentials)
            guard case .throttled(let second)? = await signIn(employer.email, "wrong password!", from: "10.0.2.1") else {
                Issue.record("the account should be slowed again")
                return
            }
            #expect((3...4).contains(second) && second > first, "the wait grows")
            #expect(await signIn(employer.email, TestAccounts.password, from: "10.0.3.1") == nil, "an address that has not failed is not slowed")

            // The address, across accounts: fifty.
            for i in 0..<RateLimit.signInAddress.limit {
                #expect(await signIn("someone\(i)@elsewhere.example", "whatever it is", from: "192.0.2.7") == .wrongCredentials)
            }
            guard case .throttled? = await signIn("another@elsewhere.example", "whatever it is", from: "192.0.2.7") else {
                Issue.record("the address should be stopped")
                return
            }
            #expect(await signIn("another@elsewhere.example", "whatever it is", from: "192.0.2.8") == .wrongCredentials)
            #expect(try await accounts.auditEvents().contains { $0.kind == "sign_in.throttled" })
        }
    }

    @Test(arguments: TestDatabase.available)
    func staffNeedAValidUnusedCode(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let (officer, totp) = try await TestAccounts.staff(.officer, on: app.store)
            func signIn(_ code: String?) async throws -> TestResponse {
                let totpField = code.map { #", "totp": "\#($0)""# } ?? ""
                return try await app.client.post(
                    "/api/v1/tokens", #"{"email": "\#(officer.email)", "password": "\#(TestAccounts.password)"\#(totpField)}"#)
            }
            let now = Date().timeIntervalSince1970
            let missing = try await signIn(nil)
            #expect(missing.status == .unauthorized)
            #expect((try missing.jsonObject()["error"] as? [String: Any])?["code"] as? String == "wrong_credentials")
            #expect(try await signIn(totp.code(at: now - 90)).status == .unauthorized, "stale")
            #expect(try await signIn("000000" == totp.code(at: now) ? "111111" : "000000").status == .unauthorized, "wrong")
            let good = try await signIn(totp.code(at: now))
            #expect(good.status == .created)
            #expect(try good.jsonObject()["role"] as? String == "officer")
            #expect(try await signIn(totp.code(at: now)).status == .unauthorized, "reused")
            let list = try await app.store.accounts.list()
            #expect(list.first { $0.email == officer.email }?.secondFactorConfirmed == true)
            // Stored as bcrypt (at the tests' cost here; the service's is 12, held in SecurityFindingsTests), never as given.
            let sql = try #require(app.store.database as? any SQLDatabase)
            let hashes = try await sql.raw("SELECT password_hash FROM users").all().map { try $0.decode(column: "password_hash", as: String.self) }
            #expect(hashes.count == 1 && hashes.allSatisfy { $0.hasPrefix("$2b$0\(TestPasswords.cost)$") && !$0.contains(TestAccounts.password) })
            let kinds = try await app.store.accounts.auditEvents().map(\.kind)
            #expect(kinds.filter { $0 == "sign_in.failed" }.count == 4, "missing, stale, wrong and reused codes all count")
            #expect(kinds.contains("second_factor.confirmed") && kinds.contains("sign_in.succeeded") && kinds.contains("account.created"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func disabledAccountsAndExpiredTokensAreShutOut(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let employer = try await TestAccounts.employer("Acme", on: app.store)
            let issued = try await app.store.accounts.issueToken(for: employer)
            let bearer: HTTPFields = [.authorization: "Bearer \(issued.token)"]
            #expect(try await app.client.execute(uri: "/api/v1/me", method: .get, headers: bearer).status == .ok)
            _ = try await app.store.accounts.disable(email: employer.email)
            #expect(try await app.client.execute(uri: "/api/v1/me", method: .get, headers: bearer).status == .unauthorized)
            let signIn = try await app.client.post(
                "/api/v1/tokens", #"{"email": "\#(employer.email)", "password": "\#(TestAccounts.password)"}"#)
            #expect(signIn.status == .unauthorized, "a disabled account cannot sign in")
            #expect(try await app.store.accounts.auditEvents().map(\.kind).contains("account.disabled"))

            let other = try await TestAccounts.employer("Other", on: app.store)
            let old = Accounts(database: app.store.database, sealer: app.store.keys.sealer, passwords: app.store.passwords, now: { Date().addingTimeInterval(-Accounts.tokenLifetime - 60) })
            let expired = try await old.issueToken(for: other)
            #expect(try await app.client.execute(uri: "/api/v1/me", method: .get,
                                                 headers: [.authorization: "Bearer \(expired.token)"]).status == .unauthorized)
        }
    }
}
