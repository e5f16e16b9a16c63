import CredenceTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// The catalog API over HTTP, on every database this run has.
@Suite struct CatalogAPITests {
    @Test(arguments: TestDatabase.available)
    func healthAndEditions(database: TestDatabase) async throws {
        try await withLiveApp(database) { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(try health.jsonObject()["status"] as? String == "ok")

            let editions = try await client.execute(uri: "/api/v1/editions", method: .get)
            let list = try #require(try editions.jsonObject()["editions"] as? [[String: Any]])
            #expect(list.count == 1)
            #expect(list[0]["id"] as? String == "tianjin-2023")
            #expect(list[0]["status"] as? String == "in_force")
            #expect(list[0]["entryCount"] as? Int == 27)
            #expect(list[0]["issuedOn"] as? String == "2023-12-29")
            #expect(list[0]["supersedes"] is NSNull)

            let edition = try await client.execute(uri: "/api/v1/editions/tianjin-2023", method: .get)
            let entries = try #require(try edition.jsonObject()["entries"] as? [[String: Any]])
            #expect(entries.compactMap { $0["seq"] as? Int } == Array(1...27))
        }
    }

    @Test(arguments: TestDatabase.available)
    func entriesAreServedAsTheContractSays(database: TestDatabase) async throws {
        try await withLiveApp(database) { client in
            let cfa = try await client.execute(uri: "/api/v1/entries/cfa", method: .get).jsonObject()
            #expect(cfa["id"] as? String == "cfa")
            #expect(cfa["edition"] as? String == "tianjin-2023")
            #expect(cfa["seq"] as? Int == 3)
            #expect((cfa["name"] as? [String: String])?["zh"] == "CFA特许金融分析师证书")
            #expect(cfa["abbreviations"] as? [String] == ["CFA"])
            #expect((cfa["region"] as? [String: String])?["en"] == "United States")
            #expect(cfa["fields"] as? [String] == ["finance"])
            #expect(cfa["titleLevel"] as? String == "intermediate")
            #expect(cfa["minExperienceYears"] is NSNull)
            #expect(cfa["requiresLocalRegistration"] as? Bool == false)

            // A blank region is null, not "" and not absent.
            let cma = try await client.execute(uri: "/api/v1/entries/cma", method: .get).jsonObject()
            #expect(cma["region"] is NSNull)

            let healthcare = try await client.execute(uri: "/api/v1/entries?field=healthcare", method: .get).jsonObject()
            #expect((healthcare["entries"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
                == ["au-pharmacist", "uk-pharmacist", "hk-pharmacist"])
            let uk = try await client.execute(uri: "/api/v1/entries?region=%E8%8B%B1%E5%9B%BD", method: .get).jsonObject()
            #expect((uk["entries"] as? [Any])?.count == 5)
        }
    }

    @Test(arguments: TestDatabase.available)
    func searchRanksWhatPeopleType(database: TestDatabase) async throws {
        try await withLiveApp(database) { client in
            func top(_ query: String) async throws -> [String] {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let body = try await client.execute(uri: "/api/v1/search?q=\(encoded)&limit=5", method: .get).jsonObject()
                #expect(body["query"] as? String == query)
                return (body["results"] as? [[String: Any]] ?? []).compactMap { ($0["entry"] as? [String: Any])?["id"] as? String }
            }
            let cka = try await top("CKA")
            let hongKongPharmacist = try await top("药剂师 香港")
            let typo = try await top("Kubernets")
            let nonsense = try await top("zzzzqqq")
            #expect(cka.first == "cka")
            #expect(hongKongPharmacist.first == "hk-pharmacist")
            #expect(typo.count == 3)
            #expect(nonsense.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func badInputGetsAClearError(database: TestDatabase) async throws {
        try await withLiveApp(database) { client in
            let cases: [(String, Int, String?)] = [
                ("/api/v1/entries/nope", 404, nil),
                ("/api/v1/editions/nope", 404, nil),
                ("/api/v1/entries?edition=nope", 404, nil),
                ("/api/v1/entries?field=cooking", 400, "field"),
                ("/api/v1/search?q=cfa&limit=abc", 400, "limit"),
                ("/api/v1/search?q=cfa&limit=0", 400, "limit"),
                ("/api/v1/search?q=cfa&limit=101", 400, "limit"),
                ("/api/v1/search", 400, "q"),
                ("/api/v1/search?q=", 400, "q"),
                ("/api/v1/nothing-here", 404, nil),
            ]
            for (uri, status, field) in cases {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status.code == status, "\(uri)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(uri)")
                let error = try #require(try response.jsonObject()["error"] as? [String: Any], "\(uri)")
                #expect((error["message"] as? String)?.isEmpty == false)
                #expect(error["code"] is String)
                if let field { #expect(error["field"] as? String == field, "\(uri)") } else { #expect(error["field"] is NSNull) }
            }
        }
    }

    @Test func zonesAndMetrics() async throws {
        try await withLiveApp(.sqlite) { client in
            let zones = try await client.execute(uri: "/api/v1/zones", method: .get).jsonObject()
            let list = try #require(zones["zones"] as? [[String: Any]])
            #expect(list.count == 5)
            #expect(list.filter { $0["kind"] as? String == "ftz_area" }.count == 3)
            #expect(list.filter { $0["kind"] as? String == "linked_innovation_zone" }.count == 2)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("hb_requests"))
        }
    }
}
