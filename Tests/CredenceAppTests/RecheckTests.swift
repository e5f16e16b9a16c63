import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 33, re-checks and lapsing results: a new request linked to a completed one
/// (`previousRequestId`), the employer's list of authentic results expiring within N days,
/// and one mail and one webhook 30 days before — on both databases.
@Suite struct RecheckTests {
    /// Completed authentic requests of one employer, one per expiry given.
    func results(_ app: OpenApp, expiring days: [Int?], clock: TestClock) async throws -> (Account, Account, [VerificationRequest]) {
        let store = app.store
        let employer = try await TestAccounts.employer("Acme", on: store)
        let officer = try await TestAccounts.staff(.officer, on: store).0
        let catalog = try await store.loadCatalog()
        let today = CalendarDate.today(at: clock.now())
        var made: [VerificationRequest] = []
        for (index, days) in days.enumerated() {
            let request = try await store.verifications.submit(
                VerificationDraft(entryId: "cfa", holderName: "Ana Souza \(index)", holderNationality: "BR", passportNumber: "P1234567",
                                  certificateNumber: "CFA-\(index)", issuedOn: today.addingDays(-700).description,
                                  expiresOn: days.map { today.addingDays($0).description }, holderConsent: true),
                by: employer, catalog: catalog)
            _ = try await store.verifications.act(.accept, on: request.id, by: officer, catalog: catalog)
            made.append(try await store.verifications.act(.complete, on: request.id, by: officer, .init(outcome: .authentic), catalog: catalog))
        }
        return (employer, officer, made)
    }

    @Test(arguments: TestDatabase.available)
    func aRecheckLinksToTheEmployersOwnCompletedRequest(database: TestDatabase) async throws {
        let clock = TestClock()
        try await withOpenApp(database, clock: clock) { app in
            let (employer, officerAccount, made) = try await results(app, expiring: [10], clock: clock)
            let earlier = made[0].id.uuidString.lowercased()
            let token = try await app.store.accounts.issueToken(for: employer).token
            let other = try await app.store.accounts.issueToken(for: try await TestAccounts.employer("Other", on: app.store)).token
            func submit(_ token: String, previous: String) async throws -> TestResponse {
                try await app.client.execute(uri: "/api/v1/verification-requests", method: .post,
                                             headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: ByteBuffer(string: """
                    {"entryId": "cfa", "holder": {"name": "Ana Souza 0", "nationality": "BR"}, "certificateNumber": "CFA-0",
                     "holderConsent": true, "previousRequestId": "\(previous)"}
                    """))
            }
            let recheck = try await submit(token, previous: earlier)
            #expect(recheck.status == .created)
            #expect(try recheck.jsonObject()["previousRequestId"] as? String == earlier)
            for (who, previous) in [(other, earlier), (token, "not-a-uuid"), (token, try recheck.jsonObject()["id"] as! String)] {
                let refused = try await submit(who, previous: previous)
                let field = (try refused.jsonObject()["error"] as? [String: Any])?["field"] as? String
                #expect(refused.status == .unprocessableContent && field == "previousRequestId",
                        "another's, not an id, not completed")
            }
            // The form comes pre-filled; the officer sees the earlier result on the new request.
            let session = try await app.store.accounts.openSession(for: employer)
            let form = String(buffer: try await app.client.execute(uri: "/requests/new?from=\(earlier)", method: .get,
                                                                   headers: TestForms.headers(session: session)).body)
            #expect(form.contains(#"name="previousRequestId" value="\#(earlier)""#) && form.contains("Ana Souza 0") && form.contains("P1234567"))
            let officer = try await app.store.accounts.openSession(for: officerAccount)
            let id = try recheck.jsonObject()["id"] as! String
            let page = String(buffer: try await app.client.execute(uri: "/requests/\(id)", method: .get,
                                                                   headers: TestForms.headers(session: officer) + [.acceptLanguage: "en"]).body)
            #expect(page.contains("A re-check.") && page.contains("its result: Authentic"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func expiringResultsAreListedAndToldOnce(database: TestDatabase) async throws {
        let clock = TestClock()
        try await withOpenApp(database, clock: clock) { app in
            let (employer, _, made) = try await results(app, expiring: [10, 40, -3, nil], clock: clock)
            _ = try await app.store.webhooks.register(url: "https://hooks.example/credence", for: employer)
            let token = try await app.store.accounts.issueToken(for: employer).token
            let list = try await app.client.execute(uri: "/api/v1/verification-requests?expiringWithinDays=30", method: .get,
                                                    headers: [.authorization: "Bearer \(token)"]).jsonObject()
            #expect((list["requests"] as? [[String: Any]])?.map { $0["id"] as? String } == [made[0].id.uuidString.lowercased()])
            let wide = try await app.client.execute(uri: "/api/v1/verification-requests?expiringWithinDays=60", method: .get,
                                                    headers: [.authorization: "Bearer \(token)"]).jsonObject()
            #expect((wide["requests"] as? [[String: Any]])?.count == 2)
            #expect(try await app.client.execute(uri: "/api/v1/verification-requests?expiringWithinDays=999", method: .get,
                                                 headers: [.authorization: "Bearer \(token)"]).status == .badRequest)

            // Two at once (as two instances would): the request is told by one of them.
            async let first = app.store.verifications.notifyExpiring()
            async let second = app.store.verifications.notifyExpiring()
            #expect(try await first + second == 1)
            #expect(try await app.store.verifications.notifyExpiring() == 0, "told once")
            let event = ExpiryNotice.event
            let mails = try await app.store.mails.due(limit: 100).filter { $0.payload.contains(event) }
            #expect(mails.count == 1 && mails[0].payload.contains(made[0].expiresOn!))
            let hooks = try await app.store.webhooks.due(limit: 100, perDestination: 100).flatMap { $0 }.filter { $0.body.contains(event) }
            #expect(hooks.count == 1 && hooks[0].body.contains(made[0].id.uuidString.lowercased()))
            // The 40-day one is told when it comes within 30 days.
            clock.advance(by: 11 * 86_400)
            #expect(try await app.store.verifications.notifyExpiring() == 1)

            let session = try await app.store.accounts.openSession(for: employer)
            let page = String(buffer: try await app.client.execute(uri: "/requests", method: .get,
                                                                   headers: TestForms.headers(session: session) + [.acceptLanguage: "en"]).body)
            #expect(page.contains("Certificates expiring within 30 days") && page.contains("/requests/new?from=\(made[1].id.uuidString.lowercased())"), "the 40-day one, 29 days away now")
        }
    }
}
