import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 32 on the pages: "Where to apply" under each benefit that applies or is
/// conditional, the printable pack, and the administrators' corrections.
@Suite struct BenefitRoutesWebTests {
    @Test(arguments: TestDatabase.available)
    func theAnswerSaysWhereToApplyAndPrintsAPack(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            func get(_ uri: String, _ language: String) async throws -> TestResponse {
                try await app.client.execute(uri: uri, method: .get, headers: [.acceptLanguage: language])
            }
            let query = "qualification=cfa&nationality=foreign&age=40"
            let english = try await get("/benefits?\(query)&check=1", "en").text
            #expect(english.contains("Where to apply") && english.contains("https://fuwu.most.gov.cn/lhgzweb"))
            #expect(english.contains("From the office&#39;s own page") || english.contains("From the office's own page"))
            #expect(english.contains("No official address was found — ask the office."))
            #expect(english.contains("What to know before you go") && english.contains("Other source (not official)"))
            #expect(english.contains("href=\"/notice#") && english.contains("Print a pack"))
            #expect(english.contains("name=\"qualification\" value=\"cfa\"") && english.contains("name=\"age\" value=\"40\""))
            let chinese = try await get("/benefits?\(query)&check=1", "zh").text
            #expect(chinese.contains("去哪里办理") && chinese.contains("来自主管部门自己的网页") && chinese.contains("打印办理材料清单"))

            let pack = try await get("/benefits/pack?\(query)", "en")
            #expect(pack.status == .ok)
            #expect(pack.text.contains("Benefits pack") && pack.text.contains("特许金融分析师证书") && pack.text.contains("Credence&#39;s translation")
                    || pack.text.contains("Credence's translation"))
            #expect(pack.text.contains("可不受学历、学位、工作经历限制") && pack.text.contains("https://fuwu.most.gov.cn/lhgzweb"))
            let packZh = try await get("/benefits/pack?\(query)", "zh")
            #expect(packZh.text.contains("政策办理材料清单") && !packZh.text.contains("Credence's translation"))
            // A code with no active result: said, and the pack is made without it.
            let unknown = try await get("/benefits/pack?\(query)&code=TJ-AAAAA-AAAAA", "en")
            #expect(unknown.status == .ok && unknown.text.contains("has no active verification result"))
            #expect(try await get("/benefits/pack", "en").status == .unprocessableContent)
            #expect(try await get("/benefits/pack?qualification=cfa&age=old", "en").status == .unprocessableContent)
        }
    }

    @Test(arguments: TestDatabase.available)
    func thePackCarriesAnActiveResultWithItsQRCode(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let code = try await TestRequests.completedAuthentic(on: app.store).code
            let pack = try await app.client.execute(uri: "/benefits/pack?qualification=cfa&code=\(code)", method: .get, headers: [.acceptLanguage: "en"]).text
            #expect(pack.contains("The employer&#39;s verification result") || pack.contains("The employer's verification result"))
            #expect(pack.contains("<svg") && pack.contains("/verify/\(code)") && pack.contains("A** S****"))
            #expect(!pack.contains("Ana Souza") && !pack.contains("CFA-9"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func anAdministratorCorrectsARouteOnTheWeb(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let admin = try await TestAccounts.staff(.admin, on: app.store).0
            let session = try await app.store.accounts.openSession(for: admin)
            let headers = TestForms.headers(session: session).merging([.acceptLanguage: "en"])
            let page = try await app.client.execute(uri: "/admin/benefit-routes", method: .get, headers: headers)
            #expect(page.status == .ok && page.text.contains("Correct this route") && page.text.contains("route-practice.ftz-2"))
            var fields = [("office.zh", "天津市人才工作领导小组办公室"), ("office.en", "Tianjin Talent Office"), ("service.zh", ""), ("service.en", ""),
                          ("url", ""), ("documents", "护照 | Passport\n"), ("notes.zh", ""), ("notes.en", ""), ("source", ""), ("checkedOn", "2026-12-01")]
            let refused = try await app.client.execute(uri: "/admin/benefit-routes/support.haihe_card/1", method: .post, headers: headers,
                                                       body: TestForms.body(fields))
            #expect(refused.status == .unprocessableContent && refused.text.contains("Source must be the http(s) address"))
            #expect(refused.text.contains("value=\"Tianjin Talent Office\""))
            fields[8] = ("source", "https://www.tj.gov.cn/talent")
            let saved = try await app.client.execute(uri: "/admin/benefit-routes/support.haihe_card/1", method: .post, headers: headers,
                                                     body: TestForms.body(fields))
            #expect(saved.status == .ok && saved.text.contains("Confirmed by The admin on 2026-12-01"))
            // Without the form's token: refused before anything is read.
            let forged = try await app.client.execute(uri: "/admin/benefit-routes/support.haihe_card/1", method: .post, headers: headers,
                                                      body: TestForms.body(fields, csrf: nil))
            #expect(forged.status == .forbidden)
            let anonymous = try await app.client.execute(uri: "/admin/benefit-routes", method: .get)
            #expect(anonymous.status != .ok)
        }
    }
}
