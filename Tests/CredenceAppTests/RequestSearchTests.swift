import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Finding a request (issue 18): by a word of the holder's name or its start, the
/// certificate number, the code, the id — an employer only among its own.
@Suite struct RequestSearchTests {
    @Test(arguments: TestDatabase.available)
    func aRequestIsFoundByWhatACallerReadsOutNeverAnothersRequest(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let store = app.store
            let acme = try await TestAccounts.employer("Acme", on: store)
            let bolt = try await TestAccounts.employer("Bolt", on: store)
            let officer = try await TestAccounts.staff(.officer, on: store).0
            let catalog = try await store.loadCatalog()
            func submit(_ name: String, _ number: String, by employer: Account) async throws -> VerificationRequest {
                try await store.verifications.submit(VerificationDraft(entryId: "cfa", holderName: name, holderNationality: "PL",
                                                                       certificateNumber: number, holderConsent: true), by: employer, catalog: catalog)
            }
            let jan = try await submit("Jan Kowalski", "LF-2024-77", by: acme)
            _ = try await submit("Zoë Müller", "ZM-1", by: acme)
            let other = try await submit("Jan Nowak", "LF-2024-78", by: bolt)
            _ = try await store.verifications.act(.accept, on: jan.id, by: officer, catalog: catalog)
            var input = VerificationActionInput()
            input.outcome = .authentic
            let done = try await store.verifications.act(.complete, on: jan.id, by: officer, input, catalog: catalog)
            let code = try #require(done.verificationCode)
            let tokens = (acme: try await store.accounts.issueToken(for: acme).token, officer: try await store.accounts.issueToken(for: officer).token)
            func found(_ q: String, _ token: String) async throws -> [String] {
                let uri = "/api/v1/verification-requests?q=" + (q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? q)
                let response = try await app.client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"])
                #expect(response.status == .ok, "\(q): \(response.status)")
                return (try response.jsonObject()["requests"] as? [[String: Any]] ?? []).compactMap { $0["holder"] as? [String: Any] }
                    .compactMap { $0["name"] as? String }
            }
            #expect(try await found("kowal", tokens.acme) == ["Jan Kowalski"], "the start of a word of the name, any case")
            #expect(try await found("Jan", tokens.acme) == ["Jan Kowalski"], "never another employer's Jan")
            #expect(try await Set(found("jan", tokens.officer)) == ["Jan Kowalski", "Jan Nowak"], "staff search all")
            #expect(try await found("lf-2024-77", tokens.acme) == ["Jan Kowalski"])
            #expect(try await found(code.lowercased(), tokens.acme) == ["Jan Kowalski"])
            #expect(try await found(jan.id.uuidString.lowercased(), tokens.acme) == ["Jan Kowalski"])
            #expect(try await found(other.id.uuidString, tokens.acme).isEmpty, "another's id finds nothing")
            #expect(try await found("muller", tokens.acme) == ["Zoë Müller"], "accents folded")
            #expect(try await found("nobody", tokens.acme).isEmpty)
            let long = try await app.client.execute(uri: "/api/v1/verification-requests?q=" + String(repeating: "x", count: 101), method: .get,
                                                    headers: [.authorization: "Bearer \(tokens.acme)"])
            #expect(long.status == .badRequest)
            // The same on the pages, as a plain GET form.
            let page = try await app.client.execute(uri: "/requests?q=kowal", method: .get,
                                                    headers: TestForms.headers(session: try await store.accounts.openSession(for: acme)))
            #expect(page.text.contains("Jan Kowalski") && page.text.contains("value=\"kowal\"") && !page.text.contains("No request matches"))
            let none = try await app.client.execute(uri: "/requests?q=nobody", method: .get,
                                                    headers: TestForms.headers(session: try await store.accounts.openSession(for: acme)).merging([.acceptLanguage: "en"]))
            #expect(none.text.contains("No request matches."))
            let queue = try await app.client.execute(uri: "/queue?q=ZM-1", method: .get,
                                                     headers: TestForms.headers(session: try await store.accounts.openSession(for: officer)))
            #expect(queue.text.contains("Zoë Müller") && !queue.text.contains("Jan Nowak"))
        }
    }
}
