import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 33 (who runs the verification): unconfigured, an installation names no authority —
/// its credentials and pages say "Credence (operator not configured)"; configured, they name
/// the operator. The pages where verification is offered quote section 三 and give Beijing's
/// platform address as annex 2 prints it.
@Suite struct OperatorTests {
    @Test func theIssuerIsNeutralUntilTheOperatorNamesThemself() throws {
        let unset = try CredentialIssuer.fromEnvironment([:])
        #expect(unset.name == CredentialIssuer.defaultName && !unset.operatorConfigured)
        let set = try CredentialIssuer.fromEnvironment(["CREDENCE_AUTHORITY_NAME_ZH": "某某运营单位", "CREDENCE_AUTHORITY_NAME_EN": "Some Operator"])
        #expect(set.name == BilingualText(zh: "某某运营单位", en: "Some Operator") && set.operatorConfigured)
    }

    @Test(arguments: TestDatabase.available)
    func aCredentialOfAnUnnamedInstallationNamesNoAuthority(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let setup = try await CredentialsTests().completed(app)
            let answer = try await app.client.execute(uri: "/api/v1/verification-requests/\(setup.id)/credential", method: .get,
                                                      headers: [.authorization: "Bearer \(setup.employer)"])
            let text = String(buffer: answer.body)
            #expect(text.contains("Credence（运营方未配置）") && text.contains("Credence (operator not configured)"))
            #expect(!text.contains("天津市境外职业资格证书查询验证服务平台"))
        }
    }

    /// Issue 43: the notice's section 三 and who operates the installation are said once, on
    /// `/about` (every page's footer links it), not in a box on every page.
    @Test func theInstallationPageQuotesSectionThreeAndNamesTheOperator() async throws {
        try await withOpenApp(.sqlite) { app in
            let about = String(buffer: try await app.client.execute(uri: "/about", method: .get, headers: [.acceptLanguage: "zh"]).body)
            #expect(about.contains(VerificationPlatform.sentence.zh) && about.contains("href=\"\(VerificationPlatform.address)\""))
            #expect(about.contains("运营方未配置") && about.contains("CREDENCE_PUBLIC_URL"))
            for path in ["/", "/verify", "/catalog"] {
                let page = String(buffer: try await app.client.execute(uri: path, method: .get, headers: [.acceptLanguage: "zh"]).body)
                #expect(!page.contains("运营方未配置") && page.contains("href=\"/about\""), "\(path)")
            }
            let employer = try await TestAccounts.employer("Acme", on: app.store)
            let session = try await app.store.accounts.openSession(for: employer)
            for path in ["/requests", "/requests/new"] {
                let page = String(buffer: try await app.client.execute(uri: path, method: .get, headers: TestForms.headers(session: session)).body)
                #expect(!page.contains("运营方未配置") && page.contains("href=\"/about\""), "\(path)")
            }
        }
        try await withOpenApp(.sqlite, configure: { $0.issuer.name = BilingualText(zh: "某某运营单位", en: "Some Operator") }) { app in
            let page = String(buffer: try await app.client.execute(uri: "/about", method: .get, headers: [.acceptLanguage: "en"]).body)
            #expect(page.contains("operated by Some Operator") && page.contains(VerificationPlatform.sentence.en))
        }
    }

    @Test(arguments: TestDatabase.available)
    func anExternalInstallationSendsEmployersToThePlatform(database: TestDatabase) async throws {
        try await withOpenApp(database, configure: { $0.verification = .external }) { app in
            let employer = try await TestAccounts.employer("Acme", on: app.store)
            let token = try await app.store.accounts.issueToken(for: employer).token
            let session = try await app.store.accounts.openSession(for: employer)
            for path in ["/requests", "/requests/new"] {
                let page = try await app.client.execute(uri: path, method: .get, headers: TestForms.headers(session: session))
                #expect(page.status == .ok && String(buffer: page.body).contains("本站不受理查验申请"), "\(path)")
                #expect(String(buffer: page.body).contains("href=\"\(VerificationPlatform.address)\""), "\(path)")
            }
            #expect(try await app.client.execute(uri: "/batches/x", method: .get, headers: TestForms.headers(session: session)).status == .notFound)
            let bearer: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            for (method, path) in [(HTTPRequest.Method.post, "/api/v1/verification-requests"), (.get, "/api/v1/verification-requests"),
                                   (.get, "/api/v1/verification-requests/00000000-0000-0000-0000-000000000000/credential"),
                                   (.get, "/api/v1/verification-batches/template"), (.post, "/api/v1/verification-batches")] {
                let answer = try await app.client.execute(uri: path, method: method, headers: bearer, body: ByteBuffer(string: "{}"))
                #expect(answer.status == .notFound, "\(method) \(path)")
                let error = try answer.jsonObject()["error"] as? [String: Any]
                #expect(error?["code"] as? String == "verification_external" && (error?["message"] as? String)?.contains(VerificationPlatform.address) == true)
            }
            // The rest works as before.
            #expect(try await app.client.execute(uri: "/api/v1/entries/cfa", method: .get).status == .ok)
            let verify = try await app.client.execute(uri: "/verify", method: .get, headers: [.acceptLanguage: "en"])
            #expect(verify.status == .ok && String(buffer: verify.body).contains("takes no verification requests"))
        }
        #expect(throws: InvalidInput.self) { try VerificationMode.fromEnvironment(["CREDENCE_VERIFICATION": "remote"]) }
        #expect(try VerificationMode.fromEnvironment([:]) == .local)
    }
}
