import CredenceApp
import CredenceCore
import CredenceTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 43: administrators manage staff on the web — create (the secret shown once, as text
/// and QR code), disable, change roles — each step confirmed with a fresh code of their own.
@Suite struct StaffWebTests {
    @Test(arguments: TestDatabase.available)
    func anAdministratorAddsDisablesAndPromotesStaff(_ database: TestDatabase) async throws {
        let clock = TestClock()
        try await withOpenApp(database, clock: clock) { app in
            let (admin, totp) = try await TestAccounts.staff(.admin, on: app.store)
            let session = TestForms.headers(session: try await app.store.accounts.openSession(for: admin)).merging([.acceptLanguage: "en"])
            func code() -> String {
                clock.advance(by: 30)  // each step uses a code once: the next step waits for the next
                return totp.code(at: clock.now().timeIntervalSince1970)
            }
            func post(_ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
                try await app.client.execute(uri: path, method: .post, headers: session, body: TestForms.body(fields))
            }
            let new = [("role", "officer"), ("email", "li@tj.example"), ("name", "Li Ming")]
            let wrong = try await post("/admin/users", new + [("totp", "000000")])
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("Your authenticator code is wrong"))
            let listed = try await app.store.accounts.list().contains { $0.email == "li@tj.example" }
            #expect(!listed, "nothing made")

            let made = try await post("/admin/users", new + [("totp", code())])
            #expect(made.status == .ok && made.headers[.cacheControl] == "no-store")
            #expect(made.text.contains("shown only this once") && made.text.contains("<svg"))
            let secret = try #require(made.text.firstMatch(of: /Authenticator secret<\/dt><dd><code>([A-Z2-7]+)</)?.1)
            let password = try #require(made.text.firstMatch(of: /Initial password[^<]*<\/dt><dd><code>([^<]+)</)?.1)
            let officerTOTP = try #require(TOTP(base32: String(secret)))
            let officer = try await app.store.accounts.signIn(email: "li@tj.example", password: String(password),
                                                              totp: officerTOTP.code(at: clock.now().timeIntervalSince1970), address: "192.0.2.9")
            #expect(officer.role == .officer)

            let promoted = try await post("/admin/users/\(officer.id.uuidString.lowercased())/role", [("role", "admin"), ("totp", code())])
            #expect(promoted.status == .ok && promoted.text.contains("li@tj.example is now"))
            let disabled = try await post("/admin/users/\(officer.id.uuidString.lowercased())/disable", [("totp", code())])
            let isDisabled = try await app.store.accounts.list().first { $0.id == officer.id }?.isDisabled
            #expect(disabled.status == .ok && isDisabled == true)
            let own = try await post("/admin/users/\(admin.id.uuidString.lowercased())/disable", [("totp", code())])
            #expect(own.status == .unprocessableContent && own.text.contains("You cannot disable your own account"))
            let events = try await app.store.accounts.auditEvents().map(\.kind)
            #expect(["staff.created", "staff.role_changed", "staff.disabled", "staff.confirmation_failed"].allSatisfy(events.contains))

            let employer = try await TestAccounts.employer("Acme", on: app.store)
            let employerSession = TestForms.headers(session: try await app.store.accounts.openSession(for: employer))
            let refused = try await app.client.execute(uri: "/admin/users", method: .post, headers: employerSession,
                                                       body: TestForms.body(new + [("totp", code())]))
            #expect(refused.status == .forbidden || refused.status == .notFound)
        }
    }
}
