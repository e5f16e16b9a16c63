import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 33, 复核: an employer asks once, within CREDENCE_REVIEW_DAYS, for a result to be
/// reviewed; an officer other than the result's decides — upheld, or changed (the old
/// credential revoked as superseded, a new one issued) — on both databases, over HTTP.
@Suite struct ResultReviewTests {
    struct Setup {
        var id: String
        var employer: String
        var recorder: String
        var reviewer: String
        var code: String?
        var account: Account
    }

    /// A request completed authentic by one officer; bearer tokens for the employer, that officer and another.
    func completed(_ app: OpenApp) async throws -> Setup {
        let store = app.store
        let employer = try await TestAccounts.employer("Acme", on: store)
        let recorder = try await TestAccounts.staff(.officer, on: store).0
        let reviewer = try await store.accounts.createStaff(role: .officer, email: "second.officer@credence.example", name: "Second",
                                                            password: TestAccounts.password).0
        let catalog = try await store.loadCatalog()
        let request = try await store.verifications.submit(
            VerificationDraft(entryId: "cfa", holderName: "Ana Souza", holderNationality: "BR", certificateNumber: "CFA-9", holderConsent: true),
            by: employer, catalog: catalog)
        _ = try await store.verifications.act(.accept, on: request.id, by: recorder, catalog: catalog)
        let done = try await store.verifications.act(.complete, on: request.id, by: recorder, .init(outcome: .authentic), catalog: catalog)
        return Setup(id: request.id.uuidString.lowercased(), employer: try await store.accounts.issueToken(for: employer).token,
                     recorder: try await store.accounts.issueToken(for: recorder).token,
                     reviewer: try await store.accounts.issueToken(for: reviewer).token, code: done.verificationCode, account: employer)
    }

    func post(_ app: OpenApp, _ path: String, token: String, _ body: String) async throws -> TestResponse {
        try await app.client.execute(uri: "/api/v1/verification-requests/\(path)", method: .post,
                                     headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: ByteBuffer(string: body))
    }

    func code(_ response: TestResponse) throws -> String? {
        (try response.jsonObject()["error"] as? [String: Any])?["code"] as? String
    }

    @Test(arguments: TestDatabase.available)
    func upheldByAnotherOfficerOnceOnly(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let s = try await completed(app)
            #expect(try await post(app, "\(s.id)/review", token: s.employer, #"{"reason": "  "}"#).status == .unprocessableContent)
            #expect(try await post(app, "\(s.id)/review", token: s.recorder, #"{"reason": "x"}"#).status == .forbidden, "employers ask")
            let asked = try await post(app, "\(s.id)/review", token: s.employer, #"{"reason": "The register shows a later renewal.", "note": "See the attached page."}"#)
            #expect(asked.status == .ok)
            let review = try #require(try asked.jsonObject()["review"] as? [String: Any])
            #expect(try asked.jsonObject()["status"] as? String == "under_review" && review["outcomeReviewed"] as? String == "authentic"
                    && review["decision"] is NSNull)

            let same = try await post(app, "\(s.id)/review-decision", token: s.recorder, #"{"decision": "upheld", "note": "Checked again."}"#)
            #expect(try same.status == .conflict && code(same) == "same_officer")
            #expect(try await post(app, "\(s.id)/review-decision", token: s.reviewer, #"{"decision": "upheld"}"#).status == .unprocessableContent,
                    "a decision says what the review found")
            #expect(try await post(app, "\(s.id)/review-decision", token: s.reviewer, #"{"decision": "changed", "note": "n"}"#).status == .unprocessableContent,
                    "changed needs an outcome")
            let upheld = try await post(app, "\(s.id)/review-decision", token: s.reviewer, #"{"decision": "upheld", "note": "The register was read again."}"#)
            #expect(upheld.status == .ok)
            let body = try upheld.jsonObject()
            #expect(body["status"] as? String == "completed" && body["outcome"] as? String == "authentic" && body["verificationCode"] as? String == s.code)
            #expect((body["review"] as? [String: Any])?["decision"] as? String == "upheld")
            #expect((body["history"] as? [[String: Any]])?.suffix(2).map { $0["action"] as? String } == ["review", "review_decision"])

            let again = try await post(app, "\(s.id)/review", token: s.employer, #"{"reason": "Once more."}"#)
            #expect(try again.status == .conflict && code(again) == "already_reviewed")
            let standards = try await app.client.execute(uri: "/api/v1/service-standards", method: .get).jsonObject()
            #expect((standards["overall"] as? [String: Any])?["reviewsAsked"] as? Int == 1)
            #expect((standards["overall"] as? [String: Any])?["reviewsChanged"] as? Int == 0)
            #expect(try await app.store.auditLog.verify() == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aChangedResultSupersedesTheOldCredential(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let s = try await completed(app)
            let bearer: HTTPFields = [.authorization: "Bearer \(s.employer)"]
            let old = Array(buffer: try await app.client.execute(uri: "/api/v1/verification-requests/\(s.id)/credential", method: .get, headers: bearer).body)
            #expect(try await post(app, "\(s.id)/review", token: s.employer, #"{"reason": "The holder says the membership lapsed."}"#).status == .ok)
            let same = try await post(app, "\(s.id)/review-decision", token: s.reviewer, #"{"decision": "changed", "outcome": "authentic", "note": "n"}"#)
            #expect(same.status == .unprocessableContent, "changed must change the outcome")
            let changed = try await post(app, "\(s.id)/review-decision", token: s.reviewer,
                                         #"{"decision": "changed", "outcome": "unable_to_verify", "note": "The body no longer confirms it."}"#)
            #expect(changed.status == .ok)
            let body = try changed.jsonObject()
            #expect(body["outcome"] as? String == "unable_to_verify" && body["verificationCode"] is NSNull && body["status"] as? String == "completed")

            // The old credential: revoked, superseded; the new one verifies.
            let verdict = try await app.client.execute(uri: "/api/v1/credentials/verify", method: .post, body: ByteBuffer(bytes: old)).jsonObject()
            #expect(verdict["verified"] as? Bool == false)
            let status = (verdict["checks"] as? [[String: Any]])?.first { $0["check"] as? String == "status" }
            #expect(status?["result"] as? String == "fail" && ((status?["message"] as? [String: String])?["en"]?.contains("superseded") ?? false))
            let new = Array(buffer: try await app.client.execute(uri: "/api/v1/verification-requests/\(s.id)/credential", method: .get, headers: bearer).body)
            #expect(new != old)
            let subject = (try JSONSerialization.jsonObject(with: Data(new)) as? [String: Any])?["credentialSubject"] as? [String: Any]
            #expect(subject?["outcome"] as? String == "unable_to_verify")
            #expect(try await app.client.execute(uri: "/api/v1/credentials/verify", method: .post, body: ByteBuffer(bytes: new)).jsonObject()["verified"] as? Bool == true)

            // The old code's public check says it was superseded, in both languages.
            let check = try await app.client.execute(uri: "/api/v1/verify/\(try #require(s.code))", method: .get).jsonObject()
            #expect((check["revocation"] as? [String: Any])?["reason"] as? String == "superseded")
            for (language, words) in [("zh", "复核后已由新结果取代"), ("en", "Superseded by the result of a review")] {
                let page = String(buffer: try await app.client.execute(uri: "/verify/\(s.code!)", method: .get, headers: [.acceptLanguage: language]).body)
                #expect(page.contains(words), "\(language)")
            }
            let standards = try await app.client.execute(uri: "/api/v1/service-standards", method: .get).jsonObject()
            #expect((standards["overall"] as? [String: Any])?["reviewsChanged"] as? Int == 1)
            #expect(try await app.store.auditLog.verify() == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func outOfPeriodAndWithdrawnAreRefusedSayingWhy(database: TestDatabase) async throws {
        let clock = TestClock()
        try await withOpenApp(database, clock: clock) { app in
            let s = try await completed(app)
            clock.advance(by: 31 * 86_400)
            let employer = s.account
            let token = try await app.store.accounts.issueToken(for: employer).token  // the first has expired by now
            let late = try await post(app, "\(s.id)/review", token: token, #"{"reason": "Too late?"}"#)
            #expect(try late.status == .conflict && code(late) == "review_period_over")
            #expect(((try late.jsonObject()["error"] as? [String: Any])?["message"] as? String)?.contains("within 30 days") == true)

            let store = app.store
            let catalog = try await store.loadCatalog()
            let open = try await store.verifications.submit(
                VerificationDraft(entryId: "cfa", holderName: "Bo Li", holderNationality: "GB", certificateNumber: "CFA-10", holderConsent: true),
                by: employer, catalog: catalog)
            _ = try await store.verifications.act(.withdraw, on: open.id, by: employer, catalog: catalog)
            let withdrawn = try await post(app, "\(open.id.uuidString.lowercased())/review", token: token, #"{"reason": "Why?"}"#)
            #expect(try withdrawn.status == .conflict && code(withdrawn) == "illegal_transition")
            #expect(((try withdrawn.jsonObject()["error"] as? [String: Any])?["message"] as? String)?.contains("withdrawn") == true)
        }
    }

    @Test func theMailSaysWhatTheReviewDecided() throws {
        func mail(_ json: String) throws -> StatusChangeMail {
            StatusChangeMail(change: try JSONDecoder().decode(StatusChangeMail.Change.self, from: Data(json.utf8)), organizationName: "Acme",
                             publicURL: "https://credence.example")
        }
        let changed = try mail(#"{"event":"verification_request.review_decided","requestId":"r","status":"completed","outcome":"not_authentic","reviewDecision":"changed"}"#)
        #expect(changed.subject.contains("Review decided") && changed.text.contains("superseded") && changed.text.contains("变更结果"))
        let asked = try mail(#"{"event":"verification_request.review_requested","requestId":"r","status":"under_review"}"#)
        #expect(asked.subject.contains("复核中") && asked.text.contains("other than the one who recorded"))
    }
}
