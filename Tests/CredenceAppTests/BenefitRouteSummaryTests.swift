import CredenceApp
import CredenceCore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 45: a benefits answer names each route by id with what a person acts on; the whole
/// route is one request away, or in the answer with `?include=routes`.
@Suite struct BenefitRouteSummaryTests {
    static let body = #"{"qualifications": ["cka"], "nationality": "foreign", "age": 68, "highTechIndustry": true, "relevantExperienceYears": 3, "workRelatedTo": ["cka"], "workZone": "tianjin-port-dongjiang"}"#

    @Test(arguments: TestDatabase.available)
    func routesAreSummariesByIdAndWholeOnRequest(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            func evaluate(_ query: String) async throws -> TestResponse {
                try await app.client.execute(uri: "/api/v1/benefits" + query, method: .post, headers: [.contentType: "application/json"],
                                             body: ByteBuffer(string: Self.body))
            }
            let summary = try await evaluate("")
            try OpenAPIConformanceTests.check(summary, path: "/api/v1/benefits", method: "post", status: 200, uri: "benefits, summaries")
            let whole = try await evaluate("?include=routes")
            try OpenAPIConformanceTests.check(whole, path: "/api/v1/benefits", method: "post", status: 200, uri: "benefits, whole routes")
            #expect(summary.body.readableBytes * 2 < whole.body.readableBytes, "\(summary.body.readableBytes) against \(whole.body.readableBytes) bytes")

            let served = try #require(try await app.client.execute(uri: "/api/v1/benefit-routes", method: .get).jsonObject()["routes"] as? [[String: Any]])
            let short = try #require(summary.jsonObject()["benefits"] as? [[String: Any]]).flatMap { $0["routes"] as! [[String: Any]] }
            let long = try #require(whole.jsonObject()["benefits"] as? [[String: Any]]).flatMap { $0["routes"] as! [[String: Any]] }
            #expect(short.count == long.count && !short.isEmpty)
            for (brief, full) in zip(short, long) {
                #expect(Set(brief.keys) == ["id", "office", "service", "url", "confidence"])
                #expect(brief["id"] as? String == full["id"] as? String)
                for key in ["office", "service", "url", "confidence"] {
                    #expect(NSDictionary(dictionary: ["v": brief[key] as Any]) == NSDictionary(dictionary: ["v": full[key] as Any]), "\(key)")
                }
                // The whole route, by its id, is the one the list serves.
                let id = try #require(brief["id"] as? String)
                let one = try await app.client.execute(uri: "/api/v1/benefit-routes/\(id)", method: .get)
                try OpenAPIConformanceTests.check(one, path: "/api/v1/benefit-routes/{id}", method: "get", status: 200, uri: id)
                let listed = try #require(served.first { $0["id"] as? String == id })
                #expect(NSDictionary(dictionary: try one.jsonObject()) == NSDictionary(dictionary: listed))
                #expect(NSDictionary(dictionary: full) == NSDictionary(dictionary: listed))
            }

            let unknown = try await app.client.execute(uri: "/api/v1/benefit-routes/permit.age_limit.9", method: .get)
            #expect(unknown.status == .notFound)
            let bad = try await evaluate("?include=evidence")
            let field = (try bad.jsonObject()["error"] as? [String: Any])?["field"] as? String
            #expect(bad.status == .badRequest && field == "include")
        }
    }
}
