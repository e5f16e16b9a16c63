import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// The verification service as people use it on the web, and its webhooks.
@Suite struct VerificationWebTests {
    @Test(arguments: TestDatabase.available)
    func anEmployerSubmitsOnTheWebAndAnOfficerTakesItToAResult(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let employer = try await TestAccounts.employer("Acme", on: app.store)
            let officer = try await TestAccounts.staff(.officer, on: app.store).0
            let employerSession = try await app.store.accounts.openSession(for: employer)
            let officerSession = try await app.store.accounts.openSession(for: officer)
            let english: HTTPFields = [.acceptLanguage: "en"]

            let form = try await app.client.execute(uri: "/requests/new?entry=cka", method: .get,
                                                    headers: TestForms.headers(session: employerSession).merging(english))
            #expect(form.text.contains("<option value=\"cka\" selected=\"selected\">"))

            // A bad file loses nothing typed.
            var headers = TestForms.headers(session: employerSession).merging(english)
            headers[.contentType] = "multipart/form-data; boundary=\(Multipart.boundary)"
            let fields = [("entryId", "cka"), ("holder.name", "Jan Kowalski"), ("holder.nationality", "PL"),
                          ("certificateNumber", "LF-2023-0001"), ("holderConsent", "true")]
            let refused = try await app.client.execute(
                uri: "/requests", method: .post, headers: headers,
                body: Multipart.body(fileName: "cert.pdf", bytes: Array("not a pdf".utf8), csrf: TestForms.csrf, fields: fields))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Only PDF, PNG or JPEG"))
            #expect(refused.text.contains("value=\"Jan Kowalski\""))
            #expect(try await app.store.verifications.list(for: officer).requests.isEmpty)

            let submitted = try await app.client.execute(
                uri: "/requests", method: .post, headers: headers,
                body: Multipart.body(fileName: "cert.pdf", bytes: Array("%PDF-1.4 a certificate".utf8), csrf: TestForms.csrf, fields: fields))
            #expect(submitted.status == .seeOther)
            let path = try #require(submitted.headers[.location])
            let id = try #require(UUID(uuidString: String(path.split(separator: "/").last ?? "")))

            // The officer's queue shows it with the channel to use; the officer accepts it.
            let queue = try await app.client.execute(uri: "/queue", method: .get, headers: TestForms.headers(session: officerSession).merging(english))
            #expect(queue.text.contains(path) && queue.text.contains("Certificate or badge validation page"))
            let detailForOfficer = try await app.client.execute(uri: path, method: .get, headers: TestForms.headers(session: officerSession).merging(english))
            #expect(detailForOfficer.text.contains("https://training.linuxfoundation.org/certification/verify/"))
            func officerDoes(_ action: String, _ fields: [(String, String)]) async throws -> TestResponse {
                try await app.client.execute(uri: "\(path)/\(action)", method: .post, headers: TestForms.headers(session: officerSession),
                                             body: TestForms.body(fields))
            }
            #expect(try await officerDoes("accept", [("note", "")]).status == .seeOther)
            let waiting = try await app.client.execute(uri: path, method: .get, headers: TestForms.headers(session: employerSession).merging(english))
            let estimate = try HolidayCalendar.bundled().adding(2, to: .today()).date.description
            #expect(waiting.text.contains("Estimated completion") && waiting.text.contains(estimate))
            #expect(try await officerDoes("accept", []).status == .conflict, "twice is a conflict, shown on the page")
            // Issue 43: nothing pre-selected; a result names the channel and a reference, and is confirmed.
            let desk = try await app.client.execute(uri: path, method: .get, headers: TestForms.headers(session: officerSession).merging(english))
            #expect(desk.text.contains("<option value selected=\"selected\">Choose the outcome</option>"))
            let careless = try await officerDoes("complete", [("outcome", "authentic"), ("note", "")])
            #expect(careless.status == .unprocessableContent && careless.text.contains("请选择核验所用渠道"))
            #expect(try await app.client.execute(uri: "\(path)/complete", method: .get, headers: TestForms.headers(session: officerSession))
                .headers[.location] == path, "the form's address, reloaded, leads back to the request")
            #expect(try await officerDoes("complete", [("outcome", "authentic"), ("checkedBy", "online_register"), ("reference", "LF register entry 2026-12-06"),
                                                 ("confirm", "yes"), ("note", "Validated on the LF page.")]).status == .seeOther)

            let done = try await app.client.execute(uri: path, method: .get, headers: TestForms.headers(session: employerSession).merging(english))
            #expect(done.text.contains("Result: Authentic"))
            #expect(done.text.contains(Disclaimer.text.zh) && done.text.contains(Disclaimer.text.en))
            let request = try await app.store.verifications.request(id, for: employer)
            let code = try #require(request.verificationCode)
            let publicPage = try await app.client.execute(uri: "/verify/\(code)", method: .get, headers: english)
            #expect(publicPage.status == .ok)
            #expect(publicPage.text.contains("J** K*******") && !publicPage.text.contains("Kowalski"))
            #expect(try await app.client.execute(uri: "/verify?code=\(code)", method: .get).headers[.location] == "/verify/\(code)")
            // Issue 43: typed as a person types it in the form (spaces become "+"), lower case, hyphens left out.
            let typed = "++" + code.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "tj", with: "tj+") + "+"
            #expect(try await app.client.execute(uri: "/verify?code=\(typed)", method: .get).headers[.location] == "/verify/\(code)", "\(typed)")
            #expect(try await app.client.execute(uri: "/verify/TJ-NOTAC-ODE00", method: .get).status == .notFound)
            let receipt = try await app.client.execute(uri: "\(path)/receipt", method: .get, headers: TestForms.headers(session: employerSession))
            #expect(receipt.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(ReceiptVerifier.verify(document: Data(receipt.text.utf8), publicKey: app.store.keys.signer.publicKey) == .valid)
        }
    }

    /// A receiver on 127.0.0.1 that is down (503) for the first tries, then up: every change
    /// arrives, signed, once it is up.
    @Test(arguments: TestDatabase.available)
    func webhooksAreSignedAndRedeliveredAfterTheReceiverWasDown(database: TestDatabase) async throws {
        let received = Mutex<[(headers: HTTPFields, body: String)]>([])
        // One refusal: it holds the other message back too (the destination's breaker).
        let failuresLeft = Mutex(1)
        let router = Router()
        router.post("hook") { request, _ -> Response in
            var request = request
            let body = String(buffer: try await request.collectBody(upTo: 1 << 20))
            if failuresLeft.withLock({ left in defer { left -= 1 }; return left > 0 }) { return Response(status: .serviceUnavailable) }
            received.withLock { $0.append((request.headers, body)) }
            return Response(status: .noContent)
        }
        let receiver = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await receiver.test(.live) { hookClient in
            let port = try #require(hookClient.port)
            let clock = TestClock()
            try await withOpenApp(database, clock: clock) { app in
                let employer = try await TestAccounts.employer("Acme", on: app.store)
                let officer = try await TestAccounts.staff(.officer, on: app.store).0
                let secret = try await app.store.webhooks.register(url: "http://127.0.0.1:\(port)/hook", for: employer)
                let draft = VerificationDraft(entryId: "cfa", holderName: "Ana Silva", holderNationality: "BR", certificateNumber: "CFA-1",
                                              holderConsent: true)
                let request = try await app.store.verifications.submit(draft, by: employer, catalog: try await app.store.loadCatalog())
                _ = try await app.store.verifications.act(.accept, on: request.id, by: officer, catalog: try await app.store.loadCatalog())
                let delivery = WebhookDelivery(store: app.store, logger: Logger(label: "test"))
                try await delivery.deliverDue()  // refused: the receiver is "down"
                #expect(received.withLock { $0.count } == 0)
                #expect(try await app.store.webhooks.pending() == 2)
                clock.advance(by: 2.2)  // the first retry comes after 2 s
                try await delivery.deliverDue()
                let messages = received.withLock { $0 }
                #expect(messages.count == 2)
                #expect(try await app.store.webhooks.pending() == 0)
                for message in messages {
                    let timestamp = try #require(message.headers[HTTPField.Name("Credence-Timestamp")!])
                    let signature = try #require(message.headers[HTTPField.Name("Credence-Signature")!])
                    let mac = HMAC<SHA256>.authenticationCode(for: Data((timestamp + "." + message.body).utf8),
                                                              using: SymmetricKey(data: Data(secret.utf8)))
                    #expect(signature == "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
                }
                let statuses = messages.compactMap { message -> String? in
                    (try? JSONSerialization.jsonObject(with: Data(message.body.utf8)) as? [String: Any])?["status"] as? String
                }
                #expect(Set(statuses) == ["submitted", "accepted"])
            }
        }
    }
}
