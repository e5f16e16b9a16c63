import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// `/benefits` as a browser without script uses it: a plain GET form, answers refilled,
/// errors beside their fields, each benefit citing its clause.
@Suite struct BenefitsPageTests {
    static let english: HTTPFields = [.acceptLanguage: "en"]

    /// The rendered `<li>` of one benefit.
    static func benefit(_ id: String, in html: String) -> Substring? {
        guard let start = html.range(of: "id=\"b-\(id)\"") else { return nil }
        // Up to the next benefit, or the end of its clause's list.
        let tail = html[start.lowerBound...]
        let end = tail.dropFirst().range(of: "id=\"b-")?.lowerBound ?? tail.range(of: "</ul></section>")?.upperBound
        return end.map { tail[..<$0] }
    }

    /// The class attribute of the benefit's `<li>`, which carries its status.
    static func status(_ id: String, in html: String) -> String? {
        guard let marker = html.range(of: "id=\"b-\(id)\"") else { return nil }
        let before = html[..<marker.lowerBound]
        guard let open = before.range(of: "<li class=\"benefit ", options: .backwards) else { return nil }
        return String(before[open.upperBound...].prefix { $0 != "\"" })
    }

    @Test(arguments: TestDatabase.available)
    func theWorkedExampleOnThePage(database: TestDatabase) async throws {
        try await withLiveApp(database) { client in
            let uri = "/benefits?qualification=cka&nationality=foreign&age=68&highTechIndustry=true"
                + "&relevantExperienceYears=3&work-cka=true&workZone=tianjin-port-dongjiang&check=1"
            let response = try await client.execute(uri: uri, method: .get, headers: Self.english)
            #expect(response.status == .ok)
            let html = response.text
            #expect(Self.status("permit.age_limit", in: html) == "status-applies")
            #expect(Self.status("permit.class_a_five_year", in: html) == "status-conditional")
            #expect(Self.status("title.equivalence", in: html) == "status-not_applicable")
            #expect(Self.status("practice.ftz", in: html) == "status-conditional")
            #expect(Self.status("verification.free", in: html) == "status-applies")
            // The related-work question asks per held qualification, quoting its remark.
            #expect(html.contains("name=\"work-cka\""))
            #expect(html.contains("For work related to cloud computing"))
            #expect(html.contains("A qualification recognized today may be withdrawn at a review"))
            // The zone picker groups the FTZ areas, the linked zones, one not listed, and elsewhere.
            #expect(html.contains("<optgroup label=\"Linked zones and bases\">"))
            #expect(html.contains("value=\"binhai-hitech-linked\""))
            #expect(html.contains("value=\"linked_unlisted\""))
            #expect(Self.benefit("permit.age_limit", in: html)?.contains("You are 68") == true)
            // The conditional one says what to tell us, and links to that question.
            #expect(Self.benefit("permit.class_a_five_year", in: html)?.contains("href=\"#q-classA\"") == true)
            #expect(html.contains("id=\"q-classA\""))
            // Each group cites its clause on the notice page.
            for anchor in ["二-一", "二-二", "二-三", "二-四", "三"] {
                let encoded = anchor.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(["-"]))!
                #expect(html.contains("href=\"/notice#\(encoded)\""), "\(anchor)")
            }
            // The answers stay in the form, to change one and ask again.
            #expect(html.contains("<option value=\"foreign\" selected=\"selected\">"))
            #expect(html.contains("value=\"68\""))
            #expect(html.contains("value=\"cka\" checked"))
        }
    }

    @Test func everyTellUsLinkHasAField() async throws {
        try await withLiveApp(.sqlite) { client in
            for language in ["zh", "en"] {
                let html = try await client.execute(
                    uri: "/benefits?qualification=uk-pharmacist&qualification=ieee-fellow", method: .get,
                    headers: [.acceptLanguage: language]).text
                let targets = html.components(separatedBy: "href=\"#").dropFirst().map { $0.prefix { $0 != "\"" } }
                #expect(targets.count > 10)
                for target in Set(targets) {
                    #expect(html.contains("id=\"\(target)\""), "\(language): #\(target) has no field")
                }
                for fact in ["workZone", "nationality", "age", "relevantExperienceYears", "workRelatedTo", "meetsTitleCriteria",
                             "examBasedSpecialty", "classA", "localPharmacistRegistration"] {
                    #expect(targets.contains { $0 == "q-\(fact)" }, "\(language): nothing asks for \(fact)")
                }
            }
        }
    }

    @Test func anEntryPageLeadsToTheCheckWithItChosen() async throws {
        try await withLiveApp(.sqlite) { client in
            let entry = try await client.execute(uri: "/entries/cfa", method: .get, headers: Self.english).text
            #expect(entry.contains("href=\"/benefits?qualification=cfa\""))
            let check = try await client.execute(uri: "/benefits?qualification=cfa", method: .get, headers: Self.english)
            #expect(check.status == .ok)
            #expect(check.text.contains("value=\"cfa\" checked"))
            #expect(Self.status("title.equivalence", in: check.text) == "status-conditional")
            let blank = try await client.execute(uri: "/benefits", method: .get, headers: Self.english).text
            #expect(!blank.contains("id=\"result\""))
            #expect(blank.components(separatedBy: "name=\"qualification\"").count - 1 == 27)
        }
    }

    /// Rules v2 on the page: each benefit lists every held qualification's own result, so a
    /// pharmacist's registration is not hidden by a CFA's; related work is answered for each
    /// qualification or for none.
    @Test func eachQualificationsResultIsShownUnderTheBenefit() async throws {
        try await withLiveApp(.sqlite) { client in
            let html = try await client.execute(
                uri: "/benefits?qualification=cfa&qualification=uk-pharmacist&work-cfa=true&work-uk-pharmacist=true"
                    + "&localPharmacistRegistration=false&relevantExperienceYears=3&workZone=binhai-hitech-linked&check=1",
                method: .get, headers: Self.english).text
            let practice = try #require(Self.benefit("practice.ftz", in: html))
            #expect(practice.contains("By qualification"))
            #expect(html.contains("you must register with the Tianjin drug regulator before practising"))
            let partly = try await client.execute(
                uri: "/benefits?qualification=cfa&qualification=cka&work-cfa=true&check=1", method: .get, headers: Self.english)
            #expect(partly.status == .unprocessableContent)
            #expect(partly.text.contains("Answer yes or no for every qualification, or leave them all as not sure."))
        }
    }

    @Test func findingNarrowsTheChoicesAndKeepsWhatIsChosen() async throws {
        try await withLiveApp(.sqlite) { client in
            let html = try await client.execute(uri: "/benefits?find=pharmacist&qualification=cfa", method: .get).text
            let offered = html.components(separatedBy: "name=\"qualification\" value=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            #expect(Set(offered) == ["cfa", "au-pharmacist", "uk-pharmacist", "hk-pharmacist"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func badAnswersAreShownBesideTheirFields(database: TestDatabase) async throws {
        try await withLiveApp(database) { client in
            let response = try await client.execute(
                uri: "/benefits?qualification=cka&age=abc&relevantExperienceYears=-2&classA=maybe&check=1", method: .get,
                headers: Self.english)
            #expect(response.status == .unprocessableContent)
            let html = response.text
            #expect(html.contains("class=\"error-summary\""))
            #expect(html.contains("Age must be a whole number from 0 to 130."))
            #expect(html.contains("Years of experience must be a number from 0 to 130"))
            #expect(html.contains("Choose yes, no or not sure."))
            #expect(!html.contains("id=\"result\""))
            #expect(html.contains("value=\"abc\""), "what was typed is kept to be corrected")

            let none = try await client.execute(uri: "/benefits?age=40&check=1", method: .get, headers: Self.english)
            #expect(none.status == .unprocessableContent)
            #expect(none.text.contains("Pick at least one qualification"))

            let unknown = try await client.execute(uri: "/benefits?qualification=nope", method: .get, headers: Self.english)
            #expect(unknown.status == .unprocessableContent)
            let zone = try await client.execute(uri: "/benefits?qualification=cfa&workZone=mars", method: .get)
            #expect(zone.status == .unprocessableContent)
            #expect(zone.text.contains("请从列表中选择"))
        }
    }

    @Test func whatIsTypedIsEscaped() async throws {
        try await withLiveApp(.sqlite) { client in
            let attack = "%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E%3Cx%20y%3D%27"
            for uri in ["/benefits?find=\(attack)", "/benefits?qualification=cfa&age=\(attack)",
                        "/benefits?qualification=\(attack)", "/benefits?qualification=cfa&workZone=\(attack)"] {
                let html = try await client.execute(uri: uri, method: .get).text
                #expect(!html.contains("<script>"), "\(uri)")
                #expect(!html.contains("<x y="), "\(uri)")
            }
        }
    }
}
