import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The holiday calendar through HTTP (issue 17): reading, counting, loading a new year.
@Suite struct CalendarAPITests {
    @Test(arguments: TestDatabase.available)
    func workingDaysAreCountedByTheCalendarAndAYearCanBeAdded(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let spring = try await app.client.execute(uri: "/api/v1/calendar/working-days?from=2026-02-13&days=3", method: .get).jsonObject()
            #expect(spring["date"] as? String == "2026-02-25" && spring["official"] as? Bool == true)
            let later = try await app.client.execute(uri: "/api/v1/calendar/working-days?from=2027-02-05&days=3", method: .get).jsonObject()
            #expect(later["date"] as? String == "2027-02-10" && later["official"] as? Bool == false)
            for bad in ["from=2026-02-30&days=3", "from=2026-02-13&days=366", "from=2026-02-13", "days=3", "from=x&days=-1"] {
                #expect(try await app.client.execute(uri: "/api/v1/calendar/working-days?\(bad)", method: .get).status == .badRequest, "\(bad)")
            }
            let year = try await app.client.execute(uri: "/api/v1/calendar/2026", method: .get).jsonObject()
            #expect(year["official"] as? Bool == true && (year["sources"] as? [String])?.isEmpty == false)
            #expect((year["workingWeekends"] as? [String])?.contains("2026-02-14") == true)
            #expect(try await app.client.execute(uri: "/api/v1/calendar/2027", method: .get).jsonObject()["official"] as? Bool == false)

            let admin = try await TestAccounts.staff(.admin, on: app.store).0
            let token = try await app.store.accounts.issueToken(for: admin).token
            let body = #"{"year": 2027, "notice": "国务院办公厅关于2027年部分节假日安排的通知", "sources": ["www.gov.cn"], "holidays": [{"name": {"zh": "春节", "en": "Spring Festival"}, "from": "2027-02-06", "to": "2027-02-13"}], "workingWeekends": ["2027-02-14"]}"#
            func put(_ text: String, _ year: Int = 2027, token: String? = nil) async throws -> TestResponse {
                try await app.client.execute(uri: "/api/v1/calendar/\(year)", method: .put,
                                             headers: [.authorization: "Bearer \(token ?? "")", .contentType: "application/json"],
                                             body: ByteBuffer(string: text))
            }
            #expect(try await put(body, token: nil).status == .unauthorized)
            #expect(try await put(body, 2028, token: token).status == .unprocessableContent, "the year must match")
            #expect(try await put("{}", token: token).status == .unprocessableContent)
            #expect(try await put(body.replacingOccurrences(of: "2027-02-14", with: "2027-02-15"), token: token).status == .unprocessableContent,
                    "a make-up day on a Monday")
            #expect(try await put(body, token: token).status == .ok)
            let now = try await app.client.execute(uri: "/api/v1/calendar/working-days?from=2027-02-05&days=3", method: .get).jsonObject()
            // Fri 5 Feb, then 6-13 off, Sun 14 worked (1), Mon 15 (2), Tue 16 (3).
            #expect(now["date"] as? String == "2027-02-16" && now["official"] as? Bool == true)
            #expect(try await app.store.accounts.auditEvents().contains { $0.kind == "calendar.loaded" })
        }
    }
}
