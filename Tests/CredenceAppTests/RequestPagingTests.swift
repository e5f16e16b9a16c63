import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Lists of requests come a page at a time (keyset pages), on the API and the web; the
/// employer's recent changes are its own, newest first.
@Suite struct RequestPagingTests {
    static func submit(_ count: Int, by employer: Account, on store: Store) async throws {
        let catalog = try await store.loadCatalog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<count {
                group.addTask {
                    _ = try await store.verifications.submit(
                        VerificationDraft(entryId: "cfa", holderName: "Holder \(number)", holderNationality: "US",
                                          certificateNumber: "CFA-\(number)", holderConsent: true),
                        by: employer, catalog: catalog)
                }
            }
            try await group.waitForAll()
        }
    }

    @Test(arguments: TestDatabase.available)
    func theAPIWalksAListPageByPageWithNothingLostOrTwice(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let acme = try await TestAccounts.employer("Acme", on: app.store)
            let bolt = try await TestAccounts.employer("Bolt", on: app.store)
            try await Self.submit(7, by: acme, on: app.store)
            try await Self.submit(2, by: bolt, on: app.store)
            let token: HTTPFields = [.authorization: "Bearer \(try await app.store.accounts.issueToken(for: acme).token)"]

            var seen: [String] = []
            var times: [String] = []
            var next: String? = "/api/v1/verification-requests?limit=3"
            var pages = 0
            while let address = next {
                let page = try await app.client.execute(uri: address, method: .get, headers: token)
                #expect(page.status == .ok)
                let body = try page.jsonObject()
                let requests = try #require(body["requests"] as? [[String: Any]])
                seen += requests.compactMap { $0["id"] as? String }
                times += requests.compactMap { $0["createdAt"] as? String }
                next = body["next"] as? String
                pages += 1
                #expect(pages <= 3)
                if pages > 3 { break }
            }
            #expect(pages == 3, "3 + 3 + 1")
            #expect(seen.count == 7 && Set(seen).count == 7, "every request once")
            #expect(times == times.sorted(by: >), "newest first across pages")

            // Another employer's id continues nothing; bad parameters are named.
            let bolts = try await app.store.verifications.list(for: bolt).requests
            let foreign = try await app.client.execute(
                uri: "/api/v1/verification-requests?after=\(bolts[0].id.uuidString.lowercased())", method: .get, headers: token).jsonObject()
            #expect((foreign["requests"] as? [Any])?.isEmpty == true && foreign["next"] is NSNull)
            for bad in ["limit=0", "limit=501", "limit=ten", "after=not-an-id"] {
                let response = try await app.client.execute(uri: "/api/v1/verification-requests?\(bad)", method: .get, headers: token)
                #expect(response.status == .badRequest, "\(bad)")
                #expect(response.text.contains(bad.prefix { $0 != "=" }), "\(bad): \(response.text)")
            }
        }
    }

    @Test func theQueuePageLinksToTheNextPage() async throws {
        try await withOpenApp(.sqlite) { app in
            let acme = try await TestAccounts.employer("Acme", on: app.store)
            let officer = try await TestAccounts.staff(.officer, on: app.store).0
            try await Self.submit(RequestPaging.first.limit + 1, by: acme, on: app.store)
            let session = TestForms.headers(session: try await app.store.accounts.openSession(for: officer)).merging([.acceptLanguage: "en"])
            let first = try await app.client.execute(uri: "/queue", method: .get, headers: session).text
            #expect(first.contains("100 requests on this page, by due date; not yet accepted last."))
            let link = try #require(first.range(of: #"/queue\?after=[0-9a-f-]{36}"#, options: .regularExpression).map { String(first[$0]) })
            let second = try await app.client.execute(uri: link, method: .get, headers: session).text
            #expect(second.contains("1 request, by due date; not yet accepted last."))
            #expect(!second.contains("Next page"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func recentChangesAreTheEmployersOwnNewestFirst(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let acme = try await TestAccounts.employer("Acme", on: app.store)
            let bolt = try await TestAccounts.employer("Bolt", on: app.store)
            let officer = try await TestAccounts.staff(.officer, on: app.store).0
            try await Self.submit(2, by: acme, on: app.store)
            try await Self.submit(1, by: bolt, on: app.store)
            let catalog = try await app.store.loadCatalog()
            let first = try #require(try await app.store.verifications.list(for: acme).requests.last)
            _ = try await app.store.verifications.act(.accept, on: first.id, by: officer, catalog: catalog)
            let changes = try await app.store.verifications.recentChanges(for: acme, limit: 10)
            #expect(changes.map(\.event.action) == [.accept, .submit, .submit])
            #expect(changes.first?.request == first.id)
            #expect(changes.first?.holderName == first.holderName && changes.first?.entryId == first.entryId, "which request, named")
            #expect(Set(changes.map(\.request)).isSubset(of: Set(try await app.store.verifications.list(for: acme).requests.map(\.id))))
            #expect(try await app.store.verifications.recentChanges(for: acme, limit: 1).count == 1)
            let page = try await app.client.execute(uri: "/requests", method: .get,
                headers: TestForms.headers(session: try await app.store.accounts.openSession(for: acme)).merging([.acceptLanguage: "en"])).text
            #expect(page.contains("Recent changes") && page.contains("Accepted"))
            #expect(page.contains(" · Submitted</li>") && !page.contains("Submitted → "), "a first step names no status it came from")
        }
    }
}
