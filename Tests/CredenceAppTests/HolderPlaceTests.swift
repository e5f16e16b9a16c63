import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 31, the holder's own place, over HTTP on both databases: consent before
/// acceptance, decline, withdrawal, early erasure, the public check's switch and period,
/// and the link's single use, expiry and throttle.
@Suite struct HolderPlaceTests {
    struct Setup {
        var id: String
        var employer: Account
        var employerToken: String
        var officer: Account
        var token: String
    }

    /// A request with the holder's address, and the link its invitation carries (read from the outbox).
    /// `again`: another request of the same employer.
    func invited(_ app: OpenApp, again: Setup? = nil, number: String = "CFA-31") async throws -> Setup {
        let store = app.store
        let employer = if let again { again.employer } else { try await TestAccounts.employer("Acme", on: store) }
        if again == nil { _ = try await store.webhooks.register(url: "https://hooks.example/credence", for: employer) }
        let officer = if let again { again.officer } else { try await TestAccounts.staff(.officer, on: store).0 }
        let bearer = try await store.accounts.issueToken(for: employer).token
        let created = try await app.client.execute(uri: "/api/v1/verification-requests", method: .post,
                                                   headers: [.authorization: "Bearer \(bearer)", .contentType: "application/json"],
                                                   body: ByteBuffer(string: """
            {"entryId": "cfa", "holder": {"name": "Ana Souza", "nationality": "BR", "dateOfBirth": "1990-02-03", "passportNumber": "FZ1234567",
             "email": "Ana.Souza@example.com"}, "certificateNumber": "\(number)", "holderConsent": true}
            """))
        #expect(created.status == .created)
        let body = try created.jsonObject()
        #expect((body["consent"] as? [String: Any])?["basis"] as? String == "holder" && (body["consent"] as? [String: Any])?["at"] is NSNull)
        #expect((body["holder"] as? [String: Any])?["email"] as? String == "a********@example.com")
        let mail = try #require(try await store.mails.due(limit: 100).first { $0.holderToken != nil && $0.payload.contains(body["id"] as! String) })
        #expect(mail.to == "ana.souza@example.com")
        return Setup(id: body["id"] as! String, employer: employer, employerToken: bearer, officer: officer, token: mail.holderToken!)
    }

    func holder(_ app: OpenApp, _ s: Setup, _ step: String, method: HTTPRequest.Method = .post, _ body: String? = nil) async throws -> TestResponse {
        try await app.client.execute(uri: "/api/v1/holder/\(s.token)\(step)", method: method, headers: [.contentType: "application/json"],
                                     body: body.map { ByteBuffer(string: $0) })
    }

    func accept(_ app: OpenApp, _ s: Setup) async throws -> Error? {
        do {
            _ = try await app.store.verifications.act(.accept, on: UUID(uuidString: s.id)!, by: s.officer, catalog: try await app.store.loadCatalog())
            return nil
        } catch { return error }
    }

    @Test(arguments: TestDatabase.available)
    func bothConsentsComeBeforeAcceptance(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let s = try await invited(app)
            #expect(try await accept(app, s) as? VerificationError == .holderConsentPending)
            let page = try await holder(app, s, "", method: .get)
            #expect(page.status == .ok && page.headers[.cacheControl] == "no-store" && page.headers[HTTPField.Name("X-Robots-Tag")!]?.contains("noindex") == true)
            let shown = try page.jsonObject()
            let request = try #require(shown["request"] as? [String: Any])
            #expect((request["holder"] as? [String: Any])?["passportNumber"] as? String == "FZ*****67", "masked for the holder")
            #expect((shown["issuingBody"] as? [String: Any])?["id"] as? String != nil && shown["creditCode"] as? String == TestAccounts.creditCode())
            let words = try #require(shown["consentWords"] as? [String: Any])
            #expect(try await holder(app, s, "/consent", #"{"processing": true, "transferAbroad": false}"#).status == .conflict)
            #expect(try await holder(app, s, "/consent", #"{"processing": true, "transferAbroad": true}"#).status == .ok)
            #expect(try await holder(app, s, "/consent", #"{"processing": true, "transferAbroad": true}"#).status == .notFound, "once per link")
            let detail = try await app.client.execute(uri: "/api/v1/verification-requests/\(s.id)", method: .get,
                                                      headers: [.authorization: "Bearer \(s.employerToken)"]).jsonObject()
            let records = try #require((detail["consent"] as? [String: Any])?["records"] as? [[String: Any]])
            #expect(Set(records.compactMap { $0["textVersion"] as? String }) == [words["processingVersion"] as? String, words["transferAbroadVersion"] as? String])
            #expect((detail["history"] as? [[String: Any]])?.last?["actorRole"] as? String == "holder")
            #expect(try await accept(app, s) == nil)
            let hooks = try await app.store.webhooks.due(limit: 100, perDestination: 100).flatMap { $0 }
            #expect(hooks.contains { $0.body.contains("verification_request.holder_consented") })
            #expect(try await app.store.auditLog.verify() == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func declinedEndsWithdrawnAndTheEmployerIsTold(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let s = try await invited(app)
            let declined = try await holder(app, s, "/decline").jsonObject()["request"] as? [String: Any]
            #expect(declined?["status"] as? String == "withdrawn" && declined?["withdrawalReason"] as? String == "holder_declined")
            let hooks = try await app.store.webhooks.due(limit: 100, perDestination: 100).flatMap { $0 }
            #expect(hooks.contains { $0.body.contains("verification_request.holder_declined") })
            #expect(try await app.store.mails.due(limit: 100).contains { $0.payload.contains("holder_declined") })
        }
    }

    @Test(arguments: TestDatabase.available)
    func withdrawnBeforeAResultErasedEarlyAfterOne(database: TestDatabase) async throws {
        let clock = TestClock()
        try await withOpenApp(database, clock: clock) { app in
            let s = try await invited(app)
            _ = try await holder(app, s, "/consent", #"{"processing": true, "transferAbroad": true}"#)
            #expect(try await accept(app, s) == nil)
            #expect(try await holder(app, s, "/erasure").status == .conflict, "no result yet")
            let withdrawn = try await holder(app, s, "/withdraw").jsonObject()["request"] as? [String: Any]
            #expect(withdrawn?["status"] as? String == "withdrawn" && withdrawn?["withdrawalReason"] as? String == "holder_withdrew_consent")

            // Another request, to a result: erased early at the holder's asking; the outcome stays.
            let t = try await invited(app, again: s, number: "CFA-32")
            _ = try await holder(app, t, "/consent", #"{"processing": true, "transferAbroad": true}"#)
            let catalog = try await app.store.loadCatalog()
            _ = try await app.store.verifications.act(.accept, on: UUID(uuidString: t.id)!, by: t.officer, catalog: catalog)
            let done = try await app.store.verifications.act(.complete, on: UUID(uuidString: t.id)!, by: t.officer, .init(outcome: .authentic), catalog: catalog)
            #expect(try await holder(app, t, "/erasure").status == .ok)
            let after = try await app.store.verifications.request(UUID(uuidString: t.id)!, for: t.employer)
            #expect(after.passportNumber == nil && after.holderDateOfBirth == nil && after.outcome == .authentic && after.erasure != nil)
            #expect(try await app.store.auditLog.verify() == nil)

            // The public check: off → 410 in both languages; on again → 200; a one-day period, two days on → 410.
            let code = try #require(done.verificationCode)
            #expect(try await holder(app, t, "/public-check", method: .put, #"{"active": false}"#).status == .ok)
            let gone = try await app.client.execute(uri: "/api/v1/verify/\(code)", method: .get)
            let goneCode = (try gone.jsonObject()["error"] as? [String: Any])?["code"] as? String
            #expect(gone.status == .gone && goneCode == "verification_code_inactive")
            for (language, words) in [("zh", "该查验码已不再有效"), ("en", "no longer active")] {
                let page = try await app.client.execute(uri: "/verify/\(code)", method: .get, headers: [.acceptLanguage: language])
                #expect(page.status == .gone && String(buffer: page.body).contains(words), "\(language)")
            }
            #expect(try await holder(app, t, "/public-check", method: .put, #"{"active": true, "days": 1}"#).status == .ok)
            #expect(try await app.client.execute(uri: "/api/v1/verify/\(code)", method: .get).status == .ok)
            clock.advance(by: 2 * 86_400)
            #expect(try await app.client.execute(uri: "/api/v1/verify/\(code)", method: .get).status == .gone)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aLinkIsOneAnswerWhenWrongOrExpiredAndThrottled(database: TestDatabase) async throws {
        let clock = TestClock()
        try await withOpenApp(database, clock: clock) { app in
            let s = try await invited(app)
            var wrong = s
            wrong.token = "not-the-token"
            #expect(try await holder(app, wrong, "", method: .get).status == .notFound)
            let page = try await app.client.execute(uri: "/holder/not-the-token", method: .get, headers: [.acceptLanguage: "en"])
            #expect(page.status == .notFound && String(buffer: page.body).contains("not valid"))
            #expect(page.headers[.cacheControl] == "no-store" && page.headers[HTTPField.Name("X-Robots-Tag")!] != nil, "a refusal is not kept either")
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<30 { statuses.append(try await holder(app, wrong, "", method: .get).status) }
            #expect(statuses.last == .tooManyRequests, "30 wrong links a minute from one address")
            clock.advance(by: 31 * 86_400)
            #expect(try await holder(app, s, "", method: .get).status == .notFound, "expired after 30 days")
            let bad = try await app.client.execute(uri: "/api/v1/verification-requests", method: .post,
                                                   headers: [.authorization: "Bearer \(try await app.store.accounts.issueToken(for: s.employer).token)", .contentType: "application/json"],
                                                   body: ByteBuffer(string: #"{"entryId": "cfa", "holder": {"name": "B", "nationality": "GB", "email": "nope"}, "certificateNumber": "C-2", "holderConsent": true}"#))
            let field = (try bad.jsonObject()["error"] as? [String: Any])?["field"] as? String
            #expect(bad.status == .unprocessableContent && field == "holder.email")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aBatchRowsHolderEmailAsksThatHolderAndTheEmployerMayResendThreeTimesAnHour(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let s = try await invited(app)
            let bearer: HTTPFields = [.authorization: "Bearer \(s.employerToken)"]
            let header = BatchCSV.columns.map(\.header.en).joined(separator: ",")
            func upload(_ rows: String) async throws -> TestResponse {
                try await app.client.execute(uri: "/api/v1/verification-batches?lang=en", method: .post,
                                             headers: bearer + [.contentType: "text/csv"], body: ByteBuffer(string: header + "\r\n" + rows))
            }
            let refused = try await upload("cfa,Bo Li,GB,,,B-1,,,,yes,not-an-address\r\n")
            #expect(refused.status == .unprocessableContent && String(buffer: refused.body).contains("holder email (optional)"))
            let made = try await upload("cfa,Bo Li,GB,,,B-1,,,,yes,bo.li@example.com\r\ncfa,Cy Wu,GB,,,B-2,,,,yes,\r\n")
            #expect(made.status == .created)
            let listed = try await app.client.execute(uri: "/api/v1/verification-requests?q=B-", method: .get, headers: bearer).jsonObject()
            let bases = ((listed["requests"] as? [[String: Any]]) ?? []).map { ($0["certificateNumber"] as? String ?? "", ($0["consent"] as? [String: Any])?["basis"] as? String ?? "") }
            #expect(Set(bases.map { "\($0.0)=\($0.1)" }) == ["B-1=holder", "B-2=employer_attestation"])
            #expect(try await app.store.mails.due(limit: 100).contains { $0.to == "bo.li@example.com" && $0.holderToken != nil })

            func resend(_ id: String) async throws -> HTTPResponse.Status {
                try await app.client.execute(uri: "/api/v1/verification-requests/\(id)/holder-invitation", method: .post, headers: bearer).status
            }
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<4 { statuses.append(try await resend(s.id)) }
            #expect(statuses == [.accepted, .accepted, .accepted, .tooManyRequests])
            let attested = try #require(bases.first { $0.0 == "B-2" }).0
            let id = try #require(((listed["requests"] as? [[String: Any]]) ?? []).first { $0["certificateNumber"] as? String == attested }?["id"] as? String)
            #expect(try await resend(id) == .conflict, "no holder address to send to")
        }
    }
}
