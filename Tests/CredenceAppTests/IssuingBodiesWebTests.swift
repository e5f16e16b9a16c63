import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `/admin/issuing-bodies`: each channel with its evidence and confidence; an administrator
/// confirms one, naming the source, and it says so everywhere.
@Suite struct IssuingBodiesWebTests {
    @Test(arguments: TestDatabase.available)
    func anAdministratorConfirmsAChannelOnTheWeb(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let admin = try await TestAccounts.staff(.admin, on: app.store).0
            let session = try await app.store.accounts.openSession(for: admin)
            func page(_ language: String) async throws -> String {
                try await app.client.execute(uri: "/admin/issuing-bodies", method: .get,
                                             headers: TestForms.headers(session: session).merging([.acceptLanguage: language])).text
            }
            let english = try await page("en")
            #expect(english.contains("Seen only in third-party files, not confirmed on the body&#39;s site")
                    || english.contains("Seen only in third-party files, not confirmed on the body's site"))
            #expect(english.contains("Evidence (2)") && english.contains("planning default"))
            #expect(english.contains("No public channel: write to the issuing body (no address known)"))
            let chinese = try await page("zh")
            #expect(chinese.contains("仅见于第三方文件，未在机构官网确认") && chinese.contains("证据（2）"))

            var fields = [("kind", "badge_validation"), ("url", "https://training.linuxfoundation.org/certification/verify/"),
                          ("inputs", "certificateNumber (LF-xxxxxxxxxx)"), ("typicalWorkingDays", "2"), ("workingDaysBasis", "default"),
                          ("turnaround", "Online."), ("source", ""), ("checkedOn", "")]
            // Without the source checked: refused, and what was typed comes back.
            let refused = try await app.client.execute(uri: "/admin/issuing-bodies/cncf", method: .post,
                                                       headers: TestForms.headers(session: session).merging([.acceptLanguage: "en"]),
                                                       body: TestForms.body(fields))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Where you checked it is required"))
            #expect(refused.text.contains("value=\"certificateNumber (LF-xxxxxxxxxx)\""))
            #expect(try await app.auditKinds().contains("issuing_body.changed") == false)

            fields[6] = ("source", "https://training.linuxfoundation.org/certification/verify/ checked with a known certificate")
            fields[7] = ("checkedOn", "2026-11-30")
            let saved = try await app.client.execute(uri: "/admin/issuing-bodies/cncf", method: .post,
                                                     headers: TestForms.headers(session: session).merging([.acceptLanguage: "en"]),
                                                     body: TestForms.body(fields))
            #expect(saved.status == .ok)
            #expect(saved.text.contains("Confirmed by The admin on 2026-11-30"))
            #expect(try await page("zh").contains("由The admin于2026-11-30确认"))
            #expect(try await app.auditKinds().contains("issuing_body.changed"))
            let api = try await app.client.execute(uri: "/api/v1/issuing-bodies", method: .get).jsonObject()
            let cncf = try #require((api["issuingBodies"] as? [[String: Any]])?.first { $0["id"] as? String == "cncf" }?["channel"] as? [String: Any])
            let found = try BundledData.issuingBodies().first { $0.id == "cncf" }?.channel.evidence.count
            #expect(cncf["confidence"] as? String == "confirmed" && (cncf["evidence"] as? [Any])?.count == found)
        }
    }
}
