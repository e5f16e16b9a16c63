import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 32: where each benefit is claimed — served as the data file has it, carried by
/// every benefit of an answer, corrected only by an administrator with a source.
@Suite struct BenefitRoutesTests {
    /// The shipped file, read as plain JSON (not through the product's own decoder).
    nonisolated(unsafe) static let file: [[String: Any]] = {
        let data = try! BundledData.resource("benefit-routes", "json")
        return (try! JSONSerialization.jsonObject(with: data) as! [String: Any])["routes"] as! [[String: Any]]
    }()

    @Test(arguments: TestDatabase.available)
    func everyRouteServedIsTheFilesAndEveryBenefitCarriesItsRoutes(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let served = try #require(try await app.client.execute(uri: "/api/v1/benefit-routes", method: .get).jsonObject()["routes"] as? [[String: Any]])
            #expect(served.count == 17 && Self.file.count == 17)
            let notice = try BundledData.noticeText()
            for (route, found) in zip(served, Self.file.sorted { Self.order($0) < Self.order($1) }) {
                #expect(route["benefit"] as? String == found["benefit"] as? String)
                for key in ["office", "service", "notes", "documents", "confidence"] {
                    #expect(NSDictionary(dictionary: ["v": route[key] as Any]) == NSDictionary(dictionary: ["v": found[key] as Any]), "\(key)")
                }
                // null where the file has null, said plainly.
                #expect((route["url"] as? String) == (found["url"] as? String) && (route["url"] is NSNull) == (found["url"] is NSNull))
                #expect(route["confirmation"] is NSNull && (route["confidenceText"] as? [String: String])?["en"]?.isEmpty == false)
                let evidence = try #require(route["evidence"] as? [[String: Any]])
                let cited = try #require(found["evidence"] as? [[String: Any]])
                #expect(evidence.map { $0["quote"] as? String } == cited.map { $0["quote"] as? String })
                for (shown, source) in zip(evidence, cited) {
                    // Issue 43: official or not, as the file marks it.
                    #expect(shown["official"] as? Bool == source["official"] as? Bool)
                    if (source["source_url"] as! String).hasPrefix("shared/seeds/") {
                        // The notice itself: a link to the clause on /notice that prints it.
                        #expect((shown["source"] as! String).hasPrefix("/notice#") && notice.contains(shown["quote"] as! String))
                    } else {
                        #expect(shown["source"] as? String == source["source_url"] as? String)
                    }
                }
            }
            #expect(!served.contains { ($0["evidence"] as? [[String: Any]])?.contains { ($0["source"] as! String).contains("shared/") } == true })

            let answer = try await app.client.execute(uri: "/api/v1/benefits", method: .post, headers: [.contentType: "application/json"],
                                                      body: ByteBuffer(string: #"{"qualifications":["cfa"]}"#)).jsonObject()
            let benefits = try #require(answer["benefits"] as? [[String: Any]])
            #expect(benefits.count == 15)
            for benefit in benefits {
                let routes = try #require(benefit["routes"] as? [[String: Any]])
                let expected = served.filter { $0["benefit"] as? String == benefit["id"] as? String }
                #expect(routes.count == expected.count && !routes.isEmpty)
                #expect(routes.map { $0["office"] as? [String: String] } == expected.map { $0["office"] as? [String: String] })
            }
            #expect(benefits.filter { ($0["routes"] as? [Any])?.count == 2 }.map { $0["id"] as? String }
                    == ["practice.ftz", "entry.multi_entry_visa_or_residence_permit"])
        }
    }

    static func order(_ route: [String: Any]) -> Int {
        Benefit(rawValue: route["benefit"] as! String)!.order
    }

    @Test(arguments: TestDatabase.available)
    func anAdministratorCorrectsARouteWithASourceAndTheDayAudited(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let admin = try await app.store.accounts.issueToken(for: try await TestAccounts.staff(.admin, on: app.store).0).token
            let employer = try await app.store.accounts.issueToken(for: try await TestAccounts.employer("Acme", on: app.store)).token
            func put(_ benefit: String, _ body: String, token: String) async throws -> TestResponse {
                try await app.client.execute(uri: "/api/v1/benefit-routes/\(benefit)", method: .put,
                                             headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: ByteBuffer(string: body))
            }
            func field(_ response: TestResponse) throws -> String? {
                (try response.jsonObject()["error"] as? [String: Any])?["field"] as? String
            }
            let noSource = try await put("support.haihe_card", #"{"checkedOn":"2026-12-01"}"#, token: admin)
            #expect(noSource.status == .unprocessableContent)
            #expect(try field(noSource) == "source")
            let future = try await put("support.haihe_card", #"{"source":"https://www.tj.gov.cn/haihe","checkedOn":"2099-01-01"}"#, token: admin)
            #expect(future.status == .unprocessableContent)
            #expect(try field(future) == "checkedOn")
            let noDay = try await put("support.haihe_card", #"{"source":"https://www.tj.gov.cn/haihe"}"#, token: admin)
            #expect(noDay.status == .unprocessableContent)
            #expect(try field(noDay) == "checkedOn")
            let badURL = try await put("support.haihe_card", #"{"source":"https://www.tj.gov.cn/haihe","checkedOn":"2026-12-01","url":"ftp://x"}"#, token: admin)
            #expect(badURL.status == .unprocessableContent)
            #expect(try field(badURL) == "url")
            let halfOffice = try await put("support.haihe_card", #"{"source":"https://www.tj.gov.cn/haihe","checkedOn":"2026-12-01","office":{"zh":"天津市人才办"}}"#, token: admin)
            #expect(halfOffice.status == .unprocessableContent)
            #expect(try field(halfOffice) == "office.en")
            let thirdOffice = try await put("support.haihe_card", #"{"position":2,"source":"https://www.tj.gov.cn/haihe","checkedOn":"2026-12-01"}"#, token: admin)
            #expect(thirdOffice.status == .unprocessableContent)
            #expect(try field(thirdOffice) == "position")
            // Issue 45: a route's id names its position; null is no position (schemathesis, ST201).
            let nullPosition = try await put("practice.ftz.1", #"{"position":null,"source":"https://a.example","checkedOn":"2026-12-01"}"#, token: admin)
            #expect(nullPosition.status == .unprocessableContent)
            #expect(try field(nullPosition) == "position")
            let nullDocuments = try await put("practice.ftz.1", #"{"documents":null,"source":"https://a.example","checkedOn":"2026-12-01"}"#, token: admin)
            #expect(nullDocuments.status == .unprocessableContent)
            #expect(try field(nullDocuments) == "documents")
            let otherPosition = try await put("practice.ftz.1", #"{"position":2,"source":"https://a.example","checkedOn":"2026-12-01"}"#, token: admin)
            #expect(otherPosition.status == .unprocessableContent)
            #expect(try field(otherPosition) == "position")
            #expect(try await put("no.such", #"{"source":"https://a.example","checkedOn":"2026-12-01"}"#, token: admin).status == .notFound)
            #expect(try await put("support.haihe_card", #"{"source":"https://a.example","checkedOn":"2026-12-01"}"#, token: employer).status == .forbidden)
            #expect(try await app.store.auditLog.events().contains { $0.kind == "benefit_route.changed" } == false)

            let saved = try await put("support.haihe_card", #"""
                {"source":"https://hrss.tj.gov.cn/haihe-card","checkedOn":"2026-12-02","url":"https://hrss.tj.gov.cn/haihe-card/apply",
                 "documents":[{"zh":"护照","en":"Passport"}]}
                """#, token: admin)
            #expect(saved.status == .ok)
            let route = try #require((try saved.jsonObject()["routes"] as? [[String: Any]])?.first)
            #expect(route["confidence"] as? String == "confirmed" && route["url"] as? String == "https://hrss.tj.gov.cn/haihe-card/apply")
            #expect((route["confidenceText"] as? [String: String])?["en"] == "Confirmed by The admin on 2026-12-02")
            #expect((route["confirmation"] as? [String: String])?["source"] == "https://hrss.tj.gov.cn/haihe-card")
            // Left out: kept as it was; the evidence found before stays.
            #expect((route["office"] as? [String: String])?["zh"]?.isEmpty == false && (route["evidence"] as? [Any])?.count == 2)

            let listed = try await app.client.execute(uri: "/api/v1/benefit-routes", method: .get).jsonObject()["routes"] as? [[String: Any]]
            #expect(listed?.first { $0["benefit"] as? String == "support.haihe_card" }?["confidence"] as? String == "confirmed")
            #expect(try await app.store.auditLog.events().contains { $0.kind == "benefit_route.changed" && $0.subject == "support.haihe_card/1" })
            #expect(try await app.store.auditLog.verify() == nil)
            // Routes are not rules: the answer's statuses are what they were.
            let answer = try await app.client.execute(uri: "/api/v1/benefits", method: .post, headers: [.contentType: "application/json"],
                                                      body: ByteBuffer(string: #"{"qualifications":["cfa"]}"#)).jsonObject()
            let haihe = (answer["benefits"] as? [[String: Any]])?.first { $0["id"] as? String == "support.haihe_card" }
            #expect(haihe?["status"] as? String == "conditional")
            #expect(((haihe?["routes"] as? [[String: Any]])?.first?["confidence"]) as? String == "confirmed")
        }
    }
}
