import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 33 (results that lapse): a completed result says whether the certificate was
/// current on the result's day — on the request, the public check and the credential
/// (`validUntil` from `expiresOn` for a current one) — and the public check says when the
/// certificate's own expiry has since passed.
@Suite struct CertificateStatusTests {
    @Test func theStatusIsReadFromTheExpiryAndTheResultsDay() throws {
        let day = try #require(CalendarDate("2026-12-04"))
        #expect(CertificateStatus.of(expiresOn: "2026-12-03", resultDay: day) == .expired)
        #expect(CertificateStatus.of(expiresOn: "2026-12-04", resultDay: day) == .current, "good through its last day")
        #expect(CertificateStatus.of(expiresOn: nil, resultDay: day) == .noExpiryGiven)
        let later = try #require(CalendarDate("2027-06-01"))
        #expect(CertificateStatus.sentence(outcome: .authentic, expiresOn: "2027-01-01", resultDay: day, today: later)?.en.contains("has since passed") == true)
        #expect(CertificateStatus.sentence(outcome: .authentic, expiresOn: "2026-01-01", resultDay: day, today: day)?.zh.hasPrefix("证书真实，但已于 2026-01-01 过期") == true)
    }

    @Test(arguments: TestDatabase.available)
    func expiredCurrentAndNoExpiryInTheResultAndTheCredential(database: TestDatabase) async throws {
        let clock = TestClock()
        try await withOpenApp(database, clock: clock) { app in
            let store = app.store
            let employer = try await TestAccounts.employer("Acme", on: store)
            let officer = try await TestAccounts.staff(.officer, on: store).0
            let token = try await store.accounts.issueToken(for: employer).token
            let catalog = try await store.loadCatalog()
            let today = CalendarDate.today(at: clock.now())
            let cases: [(String?, String)] = [(today.addingDays(-10).description, "expired"), (today.addingDays(100).description, "current"), (nil, "no_expiry_given")]
            var made: [(id: String, code: String?, status: String, expiresOn: String?)] = []
            for (index, (expiresOn, status)) in cases.enumerated() {
                let request = try await store.verifications.submit(
                    VerificationDraft(entryId: "cfa", holderName: "Ana Souza", holderNationality: "BR", certificateNumber: "CFA-\(index)",
                                      issuedOn: today.addingDays(-800).description, expiresOn: expiresOn, holderConsent: true),
                    by: employer, catalog: catalog)
                _ = try await store.verifications.act(.accept, on: request.id, by: officer, catalog: catalog)
                let done = try await store.verifications.act(.complete, on: request.id, by: officer, .init(outcome: .authentic), catalog: catalog)
                made.append((request.id.uuidString.lowercased(), done.verificationCode, status, expiresOn))
            }
            let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
            for item in made {
                let request = try await app.client.execute(uri: "/api/v1/verification-requests/\(item.id)", method: .get, headers: bearer).jsonObject()
                #expect(request["certificateStatus"] as? String == item.status)
                let credential = try await app.client.execute(uri: "/api/v1/verification-requests/\(item.id)/credential", method: .get, headers: bearer)
                let document = try #require(try JSONSerialization.jsonObject(with: Data(buffer: credential.body)) as? [String: Any])
                let subject = try #require(document["credentialSubject"] as? [String: Any])
                #expect(subject["certificateStatus"] as? String == item.status && subject["certificateExpiresOn"] as? String == item.expiresOn)
                let until = (document["validUntil"] as? String).map { $0.hasPrefix(item.expiresOn.map { Self.utcDay(ofChinaDay: $0) } ?? "-") }
                #expect(until == (item.status == "current" ? true : nil),
                        "validUntil only for a current certificate: \(document["validUntil"] ?? "none")")
                let check = try await app.client.execute(uri: "/api/v1/verify/\(try #require(item.code))", method: .get).jsonObject()
                #expect(check["certificateStatus"] as? String == item.status && check["expiresOn"] as? String == item.expiresOn)
                if item.status == "expired" {
                    let session = try await store.accounts.openSession(for: employer)
                    for path in ["/requests/\(item.id)", "/requests/\(item.id)/certificate"] {
                        let page = String(buffer: try await app.client.execute(uri: path, method: .get, headers: TestForms.headers(session: session)).body)
                        #expect(page.contains("证书真实，但已于 \(item.expiresOn!) 过期"), "\(path)")
                    }
                    let page = String(buffer: try await app.client.execute(uri: "/verify/\(item.code!)", method: .get, headers: [.acceptLanguage: "en"]).body)
                    #expect(page.contains("Authentic, but expired on \(item.expiresOn!)"))
                }
            }
            // After the current certificate's own expiry, the public check says so, in both languages.
            // (Within the code's public-check period, 365 days by default: issue 31.)
            clock.advance(by: 102 * 86_400)
            let current = try #require(made[1].code)
            let note = try await app.client.execute(uri: "/api/v1/verify/\(current)", method: .get).jsonObject()["certificateNote"] as? [String: String]
            #expect(note?["en"]?.contains("has since passed") == true && note?["zh"]?.contains("已于") == true)
            #expect(String(buffer: try await app.client.execute(uri: "/verify/\(current)", method: .get, headers: [.acceptLanguage: "zh"]).body)
                .contains("证书本身的有效期已于"))
        }
    }

    /// The UTC day on which the China day's 23:59:59 falls (the same day: 15:59:59Z).
    static func utcDay(ofChinaDay day: String) -> String { day + "T15:59:59" }
}
