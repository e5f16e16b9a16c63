import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The officers' desk (issue 17): assigning, the queue's filters, overdue by the clock.
@Suite struct DeskTests {
    @Test(arguments: TestDatabase.available)
    func assignFilterAndOverdue(database: TestDatabase) async throws {
        let clock = TestClock()
        try await withOpenApp(database, clock: clock) { app in
            let store = app.store
            let employer = try await TestAccounts.employer("Acme", on: store)
            let officer = try await TestAccounts.staff(.officer, on: store).0
            let admin = try await TestAccounts.staff(.admin, on: store).0
            let catalog = try await store.loadCatalog()
            var tokens = (employer: try await store.accounts.issueToken(for: employer).token,
                          officer: try await store.accounts.issueToken(for: officer).token,
                          admin: try await store.accounts.issueToken(for: admin).token)
            var ids: [UUID] = []
            for n in 1...3 {
                let request = try await store.verifications.submit(
                    VerificationDraft(entryId: "cfa", holderName: "Holder \(n)", holderNationality: "GB", certificateNumber: "D-\(n)", holderConsent: true),
                    by: employer, catalog: catalog)
                ids.append(request.id)
            }
            _ = try await store.verifications.act(.accept, on: ids[0], by: officer, catalog: catalog)
            func get(_ query: String, _ token: String) async throws -> TestResponse {
                try await app.client.execute(uri: "/api/v1/verification-requests?\(query)", method: .get, headers: [.authorization: "Bearer \(token)"])
            }
            func assign(_ id: UUID, _ officerID: UUID, _ token: String) async throws -> TestResponse {
                try await app.client.execute(uri: "/api/v1/verification-requests/\(id.uuidString.lowercased())/assign", method: .post,
                                             headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                             body: ByteBuffer(string: #"{"officerId": "\#(officerID.uuidString.lowercased())"}"#))
            }
            #expect(try await assign(ids[0], officer.id, tokens.officer).status == .ok, "an officer takes one")
            #expect(try await assign(ids[1], admin.id, tokens.officer).status == .unprocessableContent, "an officer assigns only themself")
            #expect(try await assign(ids[1], admin.id, tokens.admin).status == .unprocessableContent, "only to an officer")
            #expect(try await assign(ids[1], officer.id, tokens.admin).status == .ok, "an administrator gives one to an officer")
            #expect(try await assign(UUID(), officer.id, tokens.officer).status == .notFound)

            func listed(_ response: TestResponse) throws -> Set<String> {
                Set((try response.jsonObject()["requests"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
            }
            let lower = ids.map { $0.uuidString.lowercased() }
            #expect(try listed(try await get("assignee=me", tokens.officer)) == [lower[0], lower[1]])
            #expect(try listed(try await get("assignee=none", tokens.officer)) == [lower[2]])
            #expect(try listed(try await get("overdue=true", tokens.officer)).isEmpty, "not yet")
            // Sorted by due date: the accepted one first, then the others oldest first; pages follow the same order.
            let body = try await store.verifications.issuingBodyRegistry().body(for: "cfa").id
            var order: [String] = []
            var next: String? = "/api/v1/verification-requests?issuingBody=\(body)&limit=1"
            while let uri = next {
                let page = try await app.client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(tokens.officer)"]).jsonObject()
                order += (page["requests"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                next = page["next"] as? String
            }
            #expect(order == lower, "\(order)")
            let queue = try await app.client.execute(uri: "/queue?assignee=me", method: .get,
                                                     headers: TestForms.headers(session: try await store.accounts.openSession(for: officer)))
            #expect(queue.status == .ok && queue.text.contains("Holder 1") && queue.text.contains("Holder 2") && !queue.text.contains("Holder 3"))
            #expect(try await get("assignee=me", tokens.employer).status == .badRequest, "desk filters are staff's")
            #expect(try await get("assignee=someone", tokens.officer).status == .badRequest)

            // The clock passes the due date: the accepted one is overdue, the others are not due.
            let accepted = try await store.verifications.request(ids[0], for: officer)
            let due = try #require(accepted.dueOn.flatMap(CalendarDate.init))
            while CalendarDate.today(at: clock.now()) <= due { clock.advance(by: 86_400) }
            tokens = (employer: try await store.accounts.issueToken(for: employer).token,  // signed in again, days later
                      officer: try await store.accounts.issueToken(for: officer).token, admin: tokens.admin)
            #expect(try listed(try await get("overdue=true", tokens.officer)) == [lower[0]])
            let own = try await get("", tokens.employer).jsonObject()["requests"] as? [[String: Any]] ?? []
            let first = try #require(own.first { $0["id"] as? String == lower[0] })
            #expect(first["overdue"] as? Bool == true && first["dueOn"] as? String == due.description)
            #expect(own.allSatisfy { $0["assignee"] is NSNull }, "an employer never sees who works on it")
        }
    }
}

/// The contact log and the rating (issue 17).
@Suite struct FollowUpAndRatingTests {
    @Test(arguments: TestDatabase.available)
    func followUpsAreStaffsAndRatingsAreGivenOnce(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let store = app.store
            let employer = try await TestAccounts.employer("Acme", on: store)
            let other = try await TestAccounts.employer("Other", on: store)
            let officer = try await TestAccounts.staff(.officer, on: store).0
            let catalog = try await store.loadCatalog()
            let request = try await store.verifications.submit(
                VerificationDraft(entryId: "cfa", holderName: "Ana", holderNationality: "BR", certificateNumber: "F-1", holderConsent: true),
                by: employer, catalog: catalog)
            let path = "/api/v1/verification-requests/\(request.id.uuidString.lowercased())"
            let tokens = (employer: try await store.accounts.issueToken(for: employer).token, other: try await store.accounts.issueToken(for: other).token,
                          officer: try await store.accounts.issueToken(for: officer).token)
            func post(_ suffix: String, _ body: String, _ token: String) async throws -> TestResponse {
                try await app.client.execute(uri: path + suffix, method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                             body: ByteBuffer(string: body))
            }
            let today = CalendarDate.today(at: Date()).description
            #expect(try await post("/follow-ups", #"{"on": "\#(today)", "channel": "phone", "note": "Called the CFA Institute; they will answer by email."}"#,
                                   tokens.officer).status == .created)
            #expect(try await post("/follow-ups", #"{"on": "2999-01-01", "channel": "fax", "note": ""}"#, tokens.officer).status == .unprocessableContent)
            #expect(try await post("/follow-ups", #"{"on": "\#(today)", "channel": "phone", "note": "x"}"#, tokens.employer).status == .forbidden)
            let seen = try await app.client.execute(uri: path + "/follow-ups", method: .get, headers: [.authorization: "Bearer \(tokens.employer)"]).jsonObject()
            let item = try #require((seen["followUps"] as? [[String: Any]])?.first)
            #expect(item["channel"] as? String == "phone" && item["note"] is NSNull && item["officerId"] is NSNull, "the employer sees only that and when")
            #expect(try await app.client.execute(uri: path + "/follow-ups", method: .get, headers: [.authorization: "Bearer \(tokens.other)"]).status == .notFound)
            #expect(try await store.auditLog.verify() == nil)

            #expect(try await post("/rating", #"{"score": 5}"#, tokens.employer).status == .conflict, "not completed yet")
            _ = try await store.verifications.act(.accept, on: request.id, by: officer, catalog: catalog)
            _ = try await store.verifications.act(.complete, on: request.id, by: officer, .init(outcome: .authentic), catalog: catalog)
            #expect(try await post("/rating", #"{"score": 6}"#, tokens.employer).status == .unprocessableContent)
            #expect(try await post("/rating", #"{"score": 4}"#, tokens.other).status == .notFound)
            #expect(try await post("/rating", #"{"score": 4, "comment": "Quick and clear."}"#, tokens.employer).status == .created)
            #expect(try await post("/rating", #"{"score": 1}"#, tokens.employer).status == .conflict, "once")
            #expect(try await store.verifications.rating(of: request.id)?.score == 4)
        }
    }
}

/// The desk's forms on the request page, and the calendar page (issue 17).
@Suite struct DeskPagesTests {
    @Test(arguments: TestDatabase.available)
    func theDeskWorksFromThePages(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let store = app.store
            let employer = try await TestAccounts.employer("Acme", on: store)
            let officer = try await TestAccounts.staff(.officer, on: store).0
            let admin = try await TestAccounts.staff(.admin, on: store).0
            let catalog = try await store.loadCatalog()
            let request = try await store.verifications.submit(
                VerificationDraft(entryId: "cfa", holderName: "Ana", holderNationality: "BR", certificateNumber: "W-1", holderConsent: true),
                by: employer, catalog: catalog)
            let path = "/requests/\(request.id.uuidString.lowercased())"
            let sessions = (employer: try await store.accounts.openSession(for: employer), officer: try await store.accounts.openSession(for: officer),
                            admin: try await store.accounts.openSession(for: admin))
            let english: HTTPFields = [.acceptLanguage: "en"]
            func post(_ uri: String, _ session: String, _ fields: [(String, String)]) async throws -> TestResponse {
                try await app.client.execute(uri: uri, method: .post, headers: TestForms.headers(session: session), body: TestForms.body(fields))
            }
            #expect(try await post(path + "/assign", sessions.officer, []).status == .seeOther)
            let today = CalendarDate.today(at: Date()).description
            #expect(try await post(path + "/follow-ups", sessions.officer, [("on", today), ("channel", "email"), ("note", "Wrote to the register.")]).status == .seeOther)
            let bad = try await post(path + "/follow-ups", sessions.officer, [("on", "yesterday"), ("channel", "email"), ("note", "x")])
            #expect(bad.status == .unprocessableContent)
            let officerPage = try await app.client.execute(uri: path, method: .get, headers: TestForms.headers(session: sessions.officer).merging(english))
            #expect(officerPage.text.contains("Wrote to the register.") && officerPage.text.contains("Assigned to: me"))
            let employerPage = try await app.client.execute(uri: path, method: .get, headers: TestForms.headers(session: sessions.employer).merging(english))
            #expect(!employerPage.text.contains("Wrote to the register.") && employerPage.text.contains("Email"), "when, not what")

            _ = try await store.verifications.act(.accept, on: request.id, by: officer, catalog: catalog)
            _ = try await store.verifications.act(.complete, on: request.id, by: officer, .init(outcome: .authentic), catalog: catalog)
            #expect(try await post(path + "/rating", sessions.employer, [("score", "5"), ("comment", "Fast.")]).status == .seeOther)
            #expect(try await post(path + "/rating", sessions.employer, [("score", "4")]).status == .conflict)

            let calendar = try await app.client.execute(uri: "/admin/calendar", method: .get, headers: TestForms.headers(session: sessions.admin).merging(english))
            #expect(calendar.status == .ok && calendar.text.contains("2026") && calendar.text.contains("Spring Festival"))
            #expect(try await post("/admin/calendar", sessions.admin, [("document", "{not json")]).status == .unprocessableContent)
        }
    }
}
