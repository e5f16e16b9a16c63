import CredenceApp
import CredenceCore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 42, what the holder said holds everywhere: a code a review superseded obeys the
/// holder's public-check switch like the current one, and an employer cannot invite a
/// holder again after the holder said no.
@Suite struct HolderRefusalTests {
    let place = HolderPlaceTests()

    func post(_ app: OpenApp, _ path: String, token: String, _ body: String? = nil) async throws -> TestResponse {
        try await app.client.execute(uri: "/api/v1/verification-requests/\(path)", method: .post,
                                     headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: body.map { ByteBuffer(string: $0) })
    }

    @Test(arguments: TestDatabase.available)
    func aSupersededCodeObeysTheHoldersSwitch(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let s = try await place.invited(app)
            _ = try await place.holder(app, s, "/consent", #"{"processing": true, "transferAbroad": true}"#)
            let catalog = try await app.store.loadCatalog()
            _ = try await app.store.verifications.act(.accept, on: UUID(uuidString: s.id)!, by: s.officer, catalog: catalog)
            let done = try await app.store.verifications.act(.complete, on: UUID(uuidString: s.id)!, by: s.officer, .init(outcome: .authentic), catalog: catalog)
            let code = try #require(done.verificationCode)
            #expect(try await place.holder(app, s, "/public-check", method: .put, #"{"active": false}"#).status == .ok)
            #expect(try await app.client.execute(uri: "/api/v1/verify/\(code)", method: .get).status == .gone, "switched off")

            // A review changes the result: the old code is superseded, and still switched off.
            let second = try await app.store.accounts.createStaff(role: .officer, email: "second@credence.example", name: "Second",
                                                                  password: TestAccounts.password).0
            let reviewer = try await app.store.accounts.issueToken(for: second).token
            #expect(try await post(app, "\(s.id)/review", token: s.employerToken, #"{"reason": "The register shows it lapsed."}"#).status == .ok)
            let changed = try await post(app, "\(s.id)/review-decision", token: reviewer,
                                         #"{"decision": "changed", "outcome": "unable_to_verify", "note": "The body no longer confirms it."}"#)
            #expect(changed.status == .ok)
            let old = try await app.client.execute(uri: "/api/v1/verify/\(code)", method: .get)
            #expect(old.status == .gone && old.errorCode == "verification_code_inactive", "\(old.text)")
            let page = try await app.client.execute(uri: "/verify/\(code)", method: .get, headers: [.acceptLanguage: "en"])
            #expect(page.status == .gone && !page.text.contains("A** S****"), "no masked name while switched off")
            // Switched on again: the old code answers, saying it was superseded.
            #expect(try await place.holder(app, s, "/public-check", method: .put, #"{"active": true}"#).status == .ok)
            let on = try await app.client.execute(uri: "/api/v1/verify/\(code)", method: .get)
            let revocation = try on.jsonObject()["revocation"] as? [String: Any]
            #expect(on.status == .ok && revocation?["reason"] as? String == "superseded")
            // The same code typed as people type it.
            let typed = " " + code.lowercased().replacingOccurrences(of: "-", with: "") + " "
            #expect(try await app.client.execute(uri: "/api/v1/verify/\(typed.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", method: .get).status == .ok)
        }
    }

    @Test(arguments: TestDatabase.available)
    func noInvitationAfterTheHolderSaidNo(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let declined = try await place.invited(app)
            #expect(try await place.holder(app, declined, "/decline").status == .ok)
            let again = try await post(app, "\(declined.id)/holder-invitation", token: declined.employerToken)
            #expect(again.status == .conflict && again.errorCode == "holder_refused", "\(again.text)")

            let withdrawn = try await place.invited(app, again: declined, number: "CFA-77")
            _ = try await place.holder(app, withdrawn, "/consent", #"{"processing": true, "transferAbroad": true}"#)
            #expect(try await place.holder(app, withdrawn, "/withdraw").status == .ok)
            let after = try await post(app, "\(withdrawn.id)/holder-invitation", token: withdrawn.employerToken)
            #expect(after.status == .conflict && after.errorCode == "holder_refused")

            // The limit says what it limits: this request's invitations, not the caller's address.
            let open = try await place.invited(app, again: declined, number: "CFA-78")
            var last: TestResponse?
            for _ in 0..<4 { last = try await post(app, "\(open.id)/holder-invitation", token: open.employerToken) }
            let limited = try #require(last)
            #expect(limited.status == .tooManyRequests && limited.text.contains("This request's holder invitations") && !limited.text.contains("your address"))
        }
    }
}
