import CredenceStore
import CredenceTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `credence benefits` against `POST /api/v1/benefits`: the same profile, the same bytes.
@Suite struct BenefitsCLITests {
    /// The same profiles as CLI flags and as API bodies.
    static let profiles: [(flags: [String], json: String)] = [
        (["--qualification", "cka", "--nationality", "foreign", "--age", "68", "--high-tech", "true",
          "--experience-years", "3", "--work-related-to", "cka", "--zone", "tianjin-port-dongjiang"],
         #"{"qualifications": ["cka"], "nationality": "foreign", "age": 68, "highTechIndustry": true, "relevantExperienceYears": 3, "workRelatedTo": ["cka"], "workZone": "tianjin-port-dongjiang"}"#),
        (["--qualification", "ieee-fellow", "--qualification", "uk-pharmacist", "--experience-years", "1.9",
          "--meets-title-criteria", "true", "--exam-based", "false", "--class-a", "false",
          "--pharmacist-registered", "true", "--zone", "outside", "--nationality", "hong_kong_macao"],
         #"{"qualifications": ["ieee-fellow", "uk-pharmacist"], "relevantExperienceYears": 1.9, "meetsTitleCriteria": true, "examBasedSpecialty": false, "classA": false, "localPharmacistRegistration": true, "workZone": "outside", "nationality": "hong_kong_macao"}"#),
        (["--qualification", "cfa", "--edition", "tianjin-2023"], #"{"qualifications": ["cfa"], "edition": "tianjin-2023"}"#),
        (["--qualification", "cfa", "--qualification", "uk-pharmacist", "--work-related-to", "uk-pharmacist", "--zone", "linked_unlisted",
          "--pharmacist-registered", "false"],
         #"{"qualifications": ["cfa", "uk-pharmacist"], "workRelatedTo": ["uk-pharmacist"], "workZone": "linked_unlisted", "localPharmacistRegistration": false}"#),
        (["--qualification", "cfa", "--work-related-to", "none", "--zone", "binhai-hitech-linked"],
         #"{"qualifications": ["cfa"], "workRelatedTo": [], "workZone": "binhai-hitech-linked"}"#),
    ]

    @Test(arguments: TestDatabase.available)
    func theCLIPrintsWhatTheAPIReturns(database: TestDatabase) async throws {
        try await database.withFreshStore { configuration in
            let store = CredenceStoreEnvironment(configuration)
            let answers = try await withLiveApp(on: configuration) { client in
                var bodies: [String] = []
                for profile in Self.profiles {
                    let response = try await client.execute(
                        uri: "/api/v1/benefits", method: .post, headers: [.contentType: "application/json"],
                        body: ByteBuffer(string: profile.json))
                    #expect(response.status == .ok)
                    bodies.append(response.text)
                }
                return bodies
            }
            for (profile, answer) in zip(Self.profiles, answers) {
                let run = try CLITests.run(["benefits"] + profile.flags + ["--format", "json"], store: store)
                #expect(run.status == 0, "\(run.stderr)")
                #expect(run.stdout == answer + "\n")
            }
        }
    }

    @Test func theTableNamesEachBenefitAndWhatToTellUs() async throws {
        try await TestDatabase.sqlite.withFreshStore { configuration in
            let run = try CLITests.run(["benefits"] + Self.profiles[0].flags, store: CredenceStoreEnvironment(configuration))
            #expect(run.status == 0)
            let line = try #require(run.stdout.split(separator: "\n").first { $0.contains("permit.age_limit") })
            #expect(line.contains("applies") && line.contains("You are 68"))
            #expect(run.stdout.contains("Tell us more to settle the conditional ones: --class-a"))
            // Where to apply (issue 32): the office and its address, or plainly none.
            #expect(run.stdout.contains("Where to apply:\n") && run.stdout.contains("permit.age_limit: Tianjin Municipal Bureau of Science and Technology"))
            #expect(run.stdout.contains("https://fuwu.most.gov.cn/lhgzweb (From the office's own page)"))
            #expect(run.stdout.contains("support.haihe_card: Not found — No claim service found — ask the office"))
            let zh = try CLITests.run(["benefits", "--qualification", "cfa", "--language", "zh"],
                                      store: CredenceStoreEnvironment(configuration))
            #expect(zh.stdout.contains("请告诉我们您的工作地点") && zh.stdout.contains("办理渠道："))
        }
    }

    @Test func badFlagsExitOneNamingTheFlag() async throws {
        try await TestDatabase.sqlite.withFreshStore { configuration in
            let store = CredenceStoreEnvironment(configuration)
            let cases: [([String], String)] = [
                ([], "--qualification must list at least one"),
                (["--qualification", "nope"], "--qualification: there is no entry 'nope'"),
                (["--qualification", "cfa", "--zone", "mars"], "--zone must be one of"),
                (["--qualification", "cfa", "--age", "131"], "--age must be a whole number"),
                (["--qualification", "cfa", "--age", "sixty"], "--age"),
                (["--qualification", "cfa", "--experience-years=-1"], "--experience-years must be a number"),
                (["--qualification", "cfa", "--high-tech", "yes"], "--high-tech"),
                (["--qualification", "cfa", "--nationality", "martian"], "--nationality must be one of"),
                (["--qualification", "cfa", "--edition", "tianjin-1999"], "--edition: there is no edition"),
                (["--qualification", "cfa", "--language", "fr"], "--language must be one of"),
            ]
            for (arguments, message) in cases {
                let run = try CLITests.run(["benefits"] + arguments, store: store)
                #expect(run.status == 1, "\(arguments)")
                #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
                #expect(run.stdout.isEmpty)
            }
        }
    }
}
