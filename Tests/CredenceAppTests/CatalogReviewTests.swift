import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 34, section 四 as a process: an entry's dossier from known requests, review notes,
/// review dates, and the demand for new entries — searches, rejections, proposals.
@Suite struct CatalogReviewTests {
    func bearer(_ account: Account, _ app: OpenApp) async throws -> HTTPFields {
        [.authorization: "Bearer \(try await app.store.accounts.issueToken(for: account).token)", .contentType: "application/json"]
    }

    func send(_ app: OpenApp, _ method: HTTPRequest.Method, _ uri: String, _ headers: HTTPFields, _ body: String? = nil) async throws -> TestResponse {
        try await app.client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    func field(_ response: TestResponse) -> String? {
        ((try? response.jsonObject())?["error"] as? [String: Any])?["field"] as? String
    }

    @Test(arguments: TestDatabase.available)
    func theDossierCountsKnownRequestsAndNotesAreAudited(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let store = app.store
            _ = try await TestRequests.completedAuthentic(on: store)
            let employer = try await TestAccounts.employer("Bolt", on: store)
            let officer = try await store.accounts.createStaff(role: .officer, email: "o2@credence.example", name: "O2", password: TestAccounts.password).0
            let catalog = try await store.loadCatalog()
            let other = try await store.verifications.submit(
                VerificationDraft(entryId: "cfa", holderName: "Li Lei", holderNationality: "SG", certificateNumber: "X-1", holderConsent: true),
                by: employer, catalog: catalog)
            _ = try await store.verifications.act(.reject, on: other.id, by: officer, .init(reason: .notInCatalog), catalog: catalog)

            let reviewer = try await bearer(try await TestSignOff.reviewer("finance", on: store), app)
            let dossier = try await send(app, .get, "/api/v1/entries/cfa/review", reviewer).jsonObject()
            let months = try #require(dossier["months"] as? [[String: Any]])
            #expect(months.count == 24)
            let now = try #require(months.last)
            #expect(now["month"] as? String == String(CalendarDate.today().description.prefix(7)))
            #expect(now["requests"] as? Int == 2 && now["authentic"] as? Int == 1 && now["medianWorkingDays"] as? Double == 0)
            #expect(dossier["lastReviewedOn"] is NSNull)

            let badSource = try await send(app, .post, "/api/v1/entries/cfa/review-notes", reviewer, #"{"kind": "issuance", "text": "x", "source": "ftp://a"}"#)
            #expect(badSource.status == .unprocessableContent && field(badSource) == "source")
            #expect(try await send(app, .post, "/api/v1/entries/nope/review-notes", reviewer, #"{"kind": "other", "text": "x"}"#).status == .notFound)
            let employerToken = try await bearer(employer, app)
            #expect(try await send(app, .get, "/api/v1/entries/cfa/review", employerToken).status == .forbidden)
            let note = try await send(app, .post, "/api/v1/entries/cfa/review-notes", reviewer,
                                      #"{"kind": "membership_level", "text": "CFA Institute: charter holders rose 6% in 2026.", "source": "https://www.cfainstitute.org/about"}"#)
            #expect(note.status == .created)
            let after = try await send(app, .get, "/api/v1/entries/cfa/review", reviewer).jsonObject()
            #expect(after["lastReviewedOn"] as? String == CalendarDate.today().description && (after["notes"] as? [Any])?.count == 1)
            #expect(try await store.auditLog.events().contains { $0.kind == "review_note.added" && $0.subject == "cfa" })
            let csv = try await app.client.execute(uri: "/admin/entries/cfa/review.csv", method: .get,
                                                   headers: TestForms.headers(session: try await store.accounts.openSession(for: try await TestAccounts.staff(.admin, on: store).0)))
            #expect(csv.status == .ok && csv.text.contains("month,requests,authentic") && csv.text.split(separator: "\r\n").count == 25)

            // The edition in force carries its review date: a year after it took effect, long past.
            let edition = try await send(app, .get, "/api/v1/editions/tianjin-2023", [:]).jsonObject()
            let due = try #require((edition["reviewDueOn"] as? String).flatMap(CalendarDate.init))
            #expect(try await store.loadCatalog().inForce?.review(today: .today()) == .overdue(due))
        }
    }

    @Test func aReviewIsDueWithinAMonthAndOverdueAfter() {
        let today = CalendarDate("2026-12-04")!
        var edition = Edition(id: "x", jurisdiction: "tianjin", title: .init(zh: "x", en: "x"), issuedOn: nil, effectiveOn: nil, status: .inForce)
        edition.reviewDueOn = CalendarDate("2027-03-01")
        #expect(edition.review(today: today) == nil)
        edition.reviewDueOn = CalendarDate("2026-12-20")
        #expect(edition.review(today: today) == .due(CalendarDate("2026-12-20")!))
        edition.reviewDueOn = CalendarDate("2026-12-03")
        #expect(edition.review(today: today) == .overdue(CalendarDate("2026-12-03")!))
        edition.status = .superseded
        #expect(edition.review(today: today) == nil)
    }

    @Test(arguments: TestDatabase.available)
    func demandShowsQueriesFromThreeSessionsRejectionsAndProposals(database: TestDatabase) async throws {
        try await withOpenApp(database, configure: { $0.network.trustedProxies = try! TrustedProxies(parsing: "127.0.0.1, ::1") }) { app in
            let store = app.store
            // Visitors are networks (a /24, a /56): two addresses of one /24 are one visitor.
            for address in ["198.51.100.7", "203.0.113.9", "198.51.100.200"] { await store.demand.recordMiss(query: "Chartered  Surveyor", address: address) }
            await store.demand.recordMiss(query: "Jane Doe", address: "192.0.2.1")
            await store.demand.recordMiss(query: "x", address: "192.0.2.1")  // too short: never kept
            await store.demand.recordMiss(query: "quantum", address: "not an address")  // never kept
            let catalog = try await store.loadCatalog()
            #expect(try await store.demand.report(catalog: catalog).searches.isEmpty)
            await store.demand.recordMiss(query: "chartered surveyor", address: "2001:db8:0:ab12::1")
            let report = try await store.demand.report(catalog: catalog)
            #expect(report.searches.map(\.query) == ["chartered surveyor"] && report.searches.first?.sessions == 3)

            // Over HTTP, recorded in the background: 25 invented cookies from one network are one visitor…
            for visitor in 0..<25 {
                _ = try await send(app, .get, "/api/v1/search?q=quantum%20surveyor",
                                   [.cookie: "credence_csrf=v\(visitor)", HTTPField.Name("X-Forwarded-For")!: "203.0.113.\(visitor + 1)"])
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await store.demand.report(catalog: catalog).searches.contains { $0.query == "quantum surveyor" } == false)
            // …three networks are three.
            for network in ["198.51.100.9", "2001:db8:1::5"] {
                _ = try await send(app, .get, "/api/v1/search?q=quantum%20surveyor", [HTTPField.Name("X-Forwarded-For")!: network])
            }
            var seen = false
            for _ in 0..<50 where !seen {
                seen = try await store.demand.report(catalog: catalog).searches.contains { $0.query == "quantum surveyor" }
                if !seen { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(seen)

            // Proposals: 5 an hour from one address, moderated, the contact erased once decided.
            var ids: [String] = []
            for n in 1...5 {
                let made = try await send(app, .post, "/api/v1/proposals", [.contentType: "application/json"],
                    #"{"name": "Chartered Surveyor \#(n)", "issuer": "RICS", "region": "United Kingdom", "field": "surveying", "why": "Firms ask.", "contact": "me@example.com"}"#)
                #expect(made.status == .created)
                ids.append(try made.jsonObject()["id"] as? String ?? "")
            }
            let sixth = try await send(app, .post, "/api/v1/proposals", [.contentType: "application/json"],
                                       #"{"name": "N", "issuer": "I", "region": "R", "field": "F", "why": "W"}"#)
            #expect(sixth.status == .tooManyRequests && sixth.headers[.retryAfter] != nil)
            let admin = try await bearer(try await TestAccounts.staff(.admin, on: store).0, app)
            let listed = try await send(app, .get, "/api/v1/proposals", admin).jsonObject()["proposals"] as? [[String: Any]]
            #expect(listed?.count == 5 && listed?.first?["contact"] as? String != "me@example.com" && listed?.first?["contact"] is String)
            let noReason = try await send(app, .post, "/api/v1/proposals/\(ids[0])/decision", admin, #"{"decision": "declined"}"#)
            #expect(noReason.status == .unprocessableContent && field(noReason) == "reason")
            let accepted = try await send(app, .post, "/api/v1/proposals/\(ids[0])/decision", admin, #"{"decision": "accepted"}"#)
            #expect(accepted.status == .ok)
            #expect(try accepted.jsonObject()["contact"] is NSNull)
            #expect(try await send(app, .post, "/api/v1/proposals/\(ids[0])/decision", admin, #"{"decision": "declined", "reason": "x"}"#).status == .conflict)
            #expect(try await store.auditLog.events().contains { $0.kind == "proposal.accepted" })
            let reviewer = try await bearer(try await TestSignOff.reviewer("market", on: store), app)
            #expect(try await send(app, .post, "/api/v1/proposals/\(ids[1])/decision", reviewer, #"{"decision": "accepted"}"#).status == .forbidden)
            let demand = try await send(app, .get, "/api/v1/demand", reviewer).jsonObject()
            #expect((demand["proposals"] as? [Any])?.count == 5 && (demand["searches"] as? [Any])?.count == 2)
        }
    }
}
