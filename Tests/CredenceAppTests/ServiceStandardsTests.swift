import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// 办理时限 published (issue 17): counted at each completion and rating, in working days by
/// the official calendar, over the last 365 days; the same figures when counted again.
@Suite struct ServiceStandardsTests {
    @Test(arguments: TestDatabase.available)
    func theFiguresAreCountedInWorkingDaysAndPublished(database: TestDatabase) async throws {
        let clock = TestClock()
        try await withOpenApp(database, clock: clock) { app in
            let store = app.store
            let employer = try await TestAccounts.employer("Acme", on: store)
            let officer = try await TestAccounts.staff(.officer, on: store).0
            let catalog = try await store.loadCatalog()
            let calendar = try HolidayCalendar.bundled()
            func submitted(_ n: Int) async throws -> UUID {
                try await store.verifications.submit(
                    VerificationDraft(entryId: "cfa", holderName: "Holder \(n)", holderNationality: "GB", certificateNumber: "S-\(n)", holderConsent: true),
                    by: employer, catalog: catalog).id
            }
            func complete(_ id: UUID, _ outcome: VerificationOutcome) async throws {
                var input = VerificationActionInput()
                input.outcome = outcome
                _ = try await store.verifications.act(.complete, on: id, by: officer, input, catalog: catalog)
            }
            let (first, second, third) = (try await submitted(1), try await submitted(2), try await submitted(3))
            let day0 = CalendarDate.today(at: clock.now())
            _ = try await store.verifications.act(.accept, on: first, by: officer, catalog: catalog)
            _ = try await store.verifications.act(.accept, on: second, by: officer, catalog: catalog)
            try await complete(first, .authentic)  // the same day: 0 working days, by the estimate
            clock.advance(by: 2 * 86_400)
            let day2 = CalendarDate.today(at: clock.now())
            try await complete(second, .unableToVerify)
            let accepted = try await store.verifications.act(.accept, on: third, by: officer, catalog: catalog)
            let due = try #require(accepted.dueOn.flatMap(CalendarDate.init))
            while CalendarDate.today(at: clock.now()) <= due { clock.advance(by: 86_400) }  // finished late
            let day3 = CalendarDate.today(at: clock.now())
            try await complete(third, .notAuthentic)
            _ = try await store.verifications.rate(first, score: 4, comment: nil, by: employer)
            _ = try await store.verifications.rate(second, score: 1, comment: "Slow", by: employer)

            let response = try await app.client.execute(uri: "/api/v1/service-standards", method: .get)
            try OpenAPIConformanceTests.check(response, path: "/api/v1/service-standards", method: "get", status: 200, uri: "service standards")
            let body = try response.jsonObject()
            let bodies = try #require(body["issuingBodies"] as? [[String: Any]])
            let registry = try await store.verifications.issuingBodyRegistry()
            let cfa = try #require(bodies.first { $0["issuingBodyId"] as? String == registry.body(for: "cfa").id })
            let days = [0, calendar.workingDays(from: day0, to: day2), calendar.workingDays(from: day2, to: day3)].sorted()
            #expect(cfa["completed"] as? Int == 3)
            #expect(cfa["medianWorkingDays"] as? Double == Double(days[1]))
            #expect(cfa["shareByEstimate"] as? Double == 0.6667 && cfa["shareUnableToVerify"] as? Double == 0.3333)
            #expect(cfa["statedTypicalDays"] as? Int == registry.body(for: "cfa").channel.typicalWorkingDays)
            #expect(cfa["averageRating"] as? Double == 2.5 && cfa["ratings"] as? Int == 2)
            let overall = try #require(body["overall"] as? [String: Any])
            #expect(overall["completed"] as? Int == 3 && overall["issuingBodyId"] == nil)
            #expect(bodies.contains { $0["completed"] as? Int == 0 && $0["medianWorkingDays"] is NSNull }, "bodies without results are listed, figures null")

            // Counted again from the requests: the same figures.
            let before = response.text
            try await store.verifications.rebuildServiceStandards()
            #expect(try await app.client.execute(uri: "/api/v1/service-standards", method: .get).text == before)

            // The page, in both languages, with its chart.
            for (language, words) in [("zh", "服务标准与办理时限"), ("en", "Service standards and time limits")] {
                let page = try await app.client.execute(uri: "/service-standards", method: .get, headers: [.acceptLanguage: language])
                #expect(page.status == .ok && page.text.contains(words) && page.text.contains("<svg") && page.text.contains("role=\"img\""))
            }

            // A year later the period no longer holds them.
            clock.advance(by: 366 * 86_400)
            let later = try await app.client.execute(uri: "/api/v1/service-standards", method: .get).jsonObject()
            #expect((later["overall"] as? [String: Any])?["completed"] as? Int == 0)
        }
    }

    @Test func theMedianComesFromTheHistogram() {
        func bucket(_ days: Int, _ count: Int) -> ServiceStandards.Bucket {
            .init(issuingBodyId: "b", workingDays: days, completed: count, byEstimate: 0, unableToVerify: 0)
        }
        #expect(ServiceStandards.median([]) == nil)
        #expect(ServiceStandards.median([bucket(3, 1)]) == 3)
        #expect(ServiceStandards.median([bucket(2, 1), bucket(5, 1)]) == 3.5)
        #expect(ServiceStandards.median([bucket(1, 10), bucket(9, 9)]) == 1)
        #expect(ServiceStandards.median([bucket(1, 10), bucket(9, 10)]) == 5)
        // Spring Festival 2026: accepted Friday 13 February, answered Wednesday 25 February: 3 working days (14 February worked).
        let calendar = try? HolidayCalendar.bundled()
        #expect(calendar?.workingDays(from: CalendarDate("2026-02-13")!, to: CalendarDate("2026-02-25")!) == 3)
        #expect(calendar?.workingDays(from: CalendarDate("2026-02-13")!, to: CalendarDate("2026-02-13")!) == 0)
    }

    /// Issue 43: an employer waiting for acceptance is told how long it took others — only
    /// from five accepted requests or more — counted in working days like the result's estimate.
    @Test(arguments: TestDatabase.available)
    func theWaitForAcceptanceIsMeasuredInWorkingDays(database: TestDatabase) async throws {
        let clock = TestClock()
        try await withOpenApp(database, clock: clock) { app in
            let store = app.store
            let employer = try await TestAccounts.employer("Acme", on: store)
            let officer = try await TestAccounts.staff(.officer, on: store).0
            let catalog = try await store.loadCatalog()
            var ids: [UUID] = []
            for n in 1...6 {
                ids.append(try await store.verifications.submit(
                    VerificationDraft(entryId: "cfa", holderName: "Holder \(n)", holderNationality: "GB", certificateNumber: "W-\(n)", holderConsent: true),
                    by: employer, catalog: catalog).id)
            }
            let submittedOn = CalendarDate.today(at: clock.now())
            clock.advance(by: 3 * 86_400)
            let acceptedOn = CalendarDate.today(at: clock.now())
            for id in ids.prefix(4) { _ = try await store.verifications.act(.accept, on: id, by: officer, catalog: catalog) }
            let few = try await store.verifications.acceptanceWait()
            #expect(few.accepted == 4 && few.medianWorkingDays == nil, "four are too few to say")
            _ = try await store.verifications.act(.accept, on: ids[4], by: officer, catalog: catalog)
            let wait = try await store.verifications.acceptanceWait()
            let calendar = try HolidayCalendar.bundled()
            #expect(wait.accepted == 5)
            #expect(wait.medianWorkingDays == Double(calendar.workingDays(from: submittedOn, to: acceptedOn)))
        }
    }
}
