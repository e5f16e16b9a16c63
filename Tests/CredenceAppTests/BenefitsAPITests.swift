import CredenceTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /api/v1/benefits` over HTTP, on every database this run has.
@Suite struct BenefitsAPITests {
    static let workedExample = #"""
        {"qualifications": ["cka"], "nationality": "foreign", "age": 68, "highTechIndustry": true,
         "relevantExperienceYears": 3, "workRelatedTo": ["cka"], "workZone": "tianjin-port-dongjiang"}
        """#

    @Test(arguments: TestDatabase.available)
    func theWorkedExampleAsTheContractShowsIt(database: TestDatabase) async throws {
        try await withLiveApp(database) { client in
            let response = try await client.post("/api/v1/benefits", Self.workedExample)
            #expect(response.status == .ok)
            let body = try response.jsonObject()
            #expect(body["edition"] as? String == "tianjin-2023")
            let qualifications = try #require(body["qualifications"] as? [[String: Any]])
            #expect(qualifications.count == 1)
            #expect(qualifications[0]["id"] as? String == "cka")
            #expect(qualifications[0]["status"] as? String == "applies")
            let benefits = try #require(body["benefits"] as? [[String: Any]])
            #expect(benefits.compactMap { $0["id"] as? String } == [
                "practice.ftz", "practice.experience_equivalence", "title.equivalence", "title.next_level",
                "permit.relaxed_requirements", "permit.age_limit", "permit.class_a_five_year",
                "permit.high_end_confirmation_letter", "entry.multi_entry_visa_or_residence_permit",
                "entry.permanent_residence_channel", "entry.port_visa", "support.comprehensive",
                "support.bincheng_card", "support.haihe_card", "verification.free",
            ])
            func benefit(_ id: String) throws -> [String: Any] {
                try #require(benefits.first { $0["id"] as? String == id })
            }
            let age = try benefit("permit.age_limit")
            #expect(age["status"] as? String == "applies")
            #expect(age["clause"] as? String == "二（二）")
            #expect(age["level"] is NSNull)
            let ageReason = try #require((age["reasons"] as? [[String: Any]])?.first)
            #expect((ageReason["en"] as? String)?.contains("68") == true)
            #expect((ageReason["zh"] as? String)?.contains("70周岁") == true)
            #expect(ageReason["fact"] is NSNull)

            let classA = try benefit("permit.class_a_five_year")
            #expect(classA["status"] as? String == "conditional")
            #expect((classA["reasons"] as? [[String: Any]])?.first?["fact"] as? String == "classA")
            #expect(try benefit("title.equivalence")["status"] as? String == "not_applicable")
            // Rules v2: practice is "按照相关规定" (conditional); the free verification is never gated.
            #expect(try benefit("practice.ftz")["status"] as? String == "conditional")
            #expect(try benefit("verification.free")["clause"] as? String == "三")
            #expect(try benefit("verification.free")["status"] as? String == "applies")
            let own = try #require(age["byQualification"] as? [[String: Any]])
            #expect(own.count == 1 && own[0]["entryId"] as? String == "cka" && own[0]["status"] as? String == "applies")
            let notes = try #require(body["notes"] as? [[String: Any]])
            #expect(notes.compactMap { $0["id"] as? String } == ["catalog_reviewed", "authorities_decide"])
            #expect(notes.first?["clause"] as? String == "四")
        }
    }

    @Test(arguments: TestDatabase.available)
    func titleLevelsAndNullsAsUnknown(database: TestDatabase) async throws {
        try await withLiveApp(database) { client in
            let body = try await client.post("/api/v1/benefits", #"""
                {"qualifications": ["cfa", "ieee-fellow", "cfa"], "workRelatedTo": ["cfa", "ieee-fellow"], "meetsTitleCriteria": true, "examBasedSpecialty": null,
                 "nationality": null, "workZone": "binhai-cbd", "edition": "tianjin-2023"}
                """#).jsonObject()
            #expect((body["qualifications"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["cfa", "ieee-fellow"])
            let benefits = try #require(body["benefits"] as? [[String: Any]])
            let equivalence = try #require(benefits.first { $0["id"] as? String == "title.equivalence" })
            #expect(equivalence["status"] as? String == "applies")
            #expect(equivalence["level"] as? String == "deputy_senior")
            let next = try #require(benefits.first { $0["id"] as? String == "title.next_level" })
            #expect(next["status"] as? String == "conditional")
            #expect((next["reasons"] as? [[String: Any]])?.compactMap { $0["fact"] as? String } == ["examBasedSpecialty"])
            let permit = try #require(benefits.first { $0["id"] as? String == "permit.relaxed_requirements" })
            #expect((permit["reasons"] as? [[String: Any]])?.compactMap { $0["fact"] as? String } == ["nationality"])
        }
    }

    /// Every kind of bad input: the right status, the field named, nothing evaluated.
    @Test(arguments: TestDatabase.available)
    func badProfilesAreRefusedNamingTheField(database: TestDatabase) async throws {
        let cases: [(body: String, status: Int, field: String?)] = [
            (#"{"qualifications": ["cfa", "nope"]}"#, 422, "qualifications"),
            (#"{"qualifications": []}"#, 422, "qualifications"),
            (#"{"qualifications": "cfa"}"#, 422, "qualifications"),
            (#"{"qualifications": [3]}"#, 422, "qualifications"),
            (#"{"age": 40}"#, 422, "qualifications"),
            (#"{"qualifications": null}"#, 422, "qualifications"),
            (#"{"qualifications": ["cfa"], "workZone": "atlantis"}"#, 422, "workZone"),
            (#"{"qualifications": ["cfa"], "workZone": 7}"#, 422, "workZone"),
            (#"{"qualifications": ["cfa"], "age": 131}"#, 422, "age"),
            (#"{"qualifications": ["cfa"], "age": -1}"#, 422, "age"),
            (#"{"qualifications": ["cfa"], "age": 65.5}"#, 422, "age"),
            (#"{"qualifications": ["cfa"], "age": "68"}"#, 422, "age"),
            (#"{"qualifications": ["cfa"], "age": 1e300}"#, 422, "age"),
            (#"{"qualifications": ["cfa"], "relevantExperienceYears": -0.1}"#, 422, "relevantExperienceYears"),
            (#"{"qualifications": ["cfa"], "relevantExperienceYears": true}"#, 422, "relevantExperienceYears"),
            (#"{"qualifications": ["cfa"], "highTechIndustry": "yes"}"#, 422, "highTechIndustry"),
            (#"{"qualifications": ["cfa"], "classA": 1}"#, 422, "classA"),
            (#"{"qualifications": ["cfa"], "nationality": "martian"}"#, 422, "nationality"),
            (#"{"qualifications": ["cfa"], "nationalty": "foreign"}"#, 422, "nationalty"),
            (#"{"qualifications": ["cfa"], "edition": "tianjin-1999"}"#, 422, "edition"),
            (#"{"qualifications": ["cfa"], "workRelatedTo": ["cka"]}"#, 422, "workRelatedTo"),
            (#"{"qualifications": ["cfa"], "workRelatedTo": "cfa"}"#, 422, "workRelatedTo"),
            (#"{"qualifications": ["cfa"], "workRelatedTo": [1]}"#, 422, "workRelatedTo"),
            (#"["cfa"]"#, 422, nil),
            (#"{"qualifications": ["cfa"],"#, 400, nil),
            ("", 400, nil),
            (#"{"qualifications": ["cfa"], "age": 1e400}"#, 400, nil),
        ]
        try await withLiveApp(database) { client in
            for (body, status, field) in cases {
                let response = try await client.post("/api/v1/benefits", body)
                #expect(response.status.code == status, "\(body)")
                let error = try #require(try response.jsonObject()["error"] as? [String: Any], "\(body)")
                #expect((error["message"] as? String)?.isEmpty == false)
                if let field {
                    #expect(error["field"] as? String == field, "\(body)")
                } else {
                    #expect(error["field"] is NSNull, "\(body)")
                }
            }
            let huge = #"{"qualifications": ["# + String(repeating: #""cfa","#, count: 20_000) + #""cfa"]}"#
            #expect(try await client.post("/api/v1/benefits", huge).status == .contentTooLarge)
            let many = #"{"qualifications": ["# + Array(repeating: #""cfa""#, count: 101).joined(separator: ",") + "]}"
            #expect(try await client.post("/api/v1/benefits", many).status == .unprocessableContent)
            let get = try await client.execute(uri: "/api/v1/benefits", method: .get)
            #expect(get.status == .methodNotAllowed)
            #expect(get.headers[.allow] == "POST")
            #expect(try get.jsonObject()["error"] != nil)
        }
    }
}

extension TestClientProtocol {
    /// POSTs a JSON body.
    func post(_ uri: String, _ json: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: json))
    }
}
