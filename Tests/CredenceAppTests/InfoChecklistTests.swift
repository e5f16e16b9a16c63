import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// 一次性告知 over HTTP (issue 17): the officer lists everything missing at once; the
/// employer sees the list on the request and in the mail, and answers item by item.
@Suite struct InfoChecklistTests {
    typealias API = VerificationAPITests

    @Test(arguments: TestDatabase.available)
    func everythingMissingIsAskedAtOnceAndAnsweredItemByItem(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let cast = try await API.Cast.make(app)
            let id = try await API.submit(app, cast.employerA)
            func problem(_ response: TestResponse) throws -> String? {
                #expect(response.status == .unprocessableContent, "\(response.text)")
                return (try response.jsonObject()["error"] as? [String: Any])?["field"] as? String
            }
            // Without items, an unknown code, "other" without saying what: 422 naming the field; nothing changes.
            #expect(try problem(try await API.act(app, id, "request-info", cast.officer, #"{"note": "More please"}"#)) == "items")
            #expect(try problem(try await API.act(app, id, "request-info", cast.officer, #"{"items": []}"#)) == "items")
            #expect(try problem(try await API.act(app, id, "request-info", cast.officer, #"{"items": [{"code": "selfie"}]}"#)) == "items[0].code")
            #expect(try problem(try await API.act(app, id, "request-info", cast.officer, #"{"items": [{"code": "other"}]}"#)) == "items[0].note")
            #expect(try problem(try await API.act(app, id, "request-info", cast.officer, #"{"items": [{"code": "passport_copy", "size": 3}]}"#))
                    == "items[0].size")
            #expect(try problem(try await API.act(app, id, "request-info", cast.officer, #"{"items": "passport_copy"}"#)) == "items")
            let untouched = try await app.client.execute(uri: "/api/v1/verification-requests/\(id)", method: .get, headers: cast.employerA)
            #expect(try untouched.jsonObject()["status"] as? String == "submitted")

            let asked = try await API.act(app, id, "request-info", cast.officer, #"""
                {"note": "Three things, all at once.", "items": [
                  {"code": "certificate_scan", "note": "Both sides"},
                  {"code": "certificate_number", "note": "As printed, with the prefix"},
                  {"code": "other", "note": "The employment contract's first page"}]}
                """#)
            #expect(asked.status == .ok, "\(asked.text)")

            // The employer sees the list on the request…
            let seen = try await app.client.execute(uri: "/api/v1/verification-requests/\(id)", method: .get, headers: cast.employerA).jsonObject()
            let rounds = try #require(seen["infoRequests"] as? [[String: Any]])
            let items = try #require(rounds.first?["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["code"] as? String } == ["certificate_scan", "certificate_number", "other"])
            #expect(items.map { $0["answer"] is NSNull } == [true, true, true])
            #expect((items[0]["name"] as? [String: String])?["zh"] == "证书扫描件")
            // …and in the mail, every item numbered.
            let mails = try await app.store.mails.due()
            let change = try JSONDecoder().decode(StatusChangeMail.Change.self, from: Data(try #require(mails.last?.payload).utf8))
            let mail = StatusChangeMail(change: change, organizationName: "Acme", publicURL: "https://credence.example")
            #expect(mail.text.contains("1. 证书扫描件：Both sides") && mail.text.contains("3. Other: The employment contract's first page"))

            // Answers: every item, once; a file must be the request's own.
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
            let upload = try await app.client.execute(
                uri: "/api/v1/verification-requests/\(id)/attachments", method: .post, headers: Multipart.headers(cast.employerA),
                body: Multipart.body(fileName: "scan.png", bytes: png)).jsonObject()
            let file = try #require(upload["id"] as? String)
            #expect(try problem(try await API.act(app, id, "resubmit", cast.employerA, "")) == "answers")
            #expect(try problem(try await API.act(app, id, "resubmit", cast.employerA, #"{"answers": [{"item": 1, "note": "Sent"}]}"#)) == "answers")
            #expect(try problem(try await API.act(app, id, "resubmit", cast.employerA, #"""
                {"answers": [{"item": 1, "attachmentId": "\#(UUID().uuidString)"}, {"item": 2, "note": "X"}, {"item": 3, "note": "Y"}]}
                """#)) == "answers[0].attachmentId")
            #expect(try problem(try await API.act(app, id, "resubmit", cast.employerA, #"{"answers": [{"item": "one"}]}"#)) == "answers[0].item")
            let answered = try await API.act(app, id, "resubmit", cast.employerA, #"""
                {"answers": [{"item": 1, "attachmentId": "\#(file)"}, {"item": 2, "note": "TJ-2081234"},
                             {"item": 3, "note": "Attached to the first file", "attachmentId": "\#(file)"}]}
                """#)
            #expect(answered.status == .ok, "\(answered.text)")

            // The officer sees, item by item, what was answered.
            let read = try await app.client.execute(uri: "/api/v1/verification-requests/\(id)", method: .get, headers: cast.officer).jsonObject()
            let round = try #require((read["infoRequests"] as? [[String: Any]])?.first)
            #expect(round["answeredAt"] is String && round["note"] as? String == "Three things, all at once.")
            let answers = try #require(round["items"] as? [[String: Any]]).map { $0["answer"] as? [String: Any] }
            #expect(answers[0]?["attachmentId"] as? String == file && answers[0]?["note"] is NSNull)
            #expect(answers[1]?["note"] as? String == "TJ-2081234")
            #expect(answers[2]?["note"] as? String == "Attached to the first file")
            #expect(read["status"] as? String == "submitted")

            // Nothing is open now: answers are refused, a plain resubmission is not possible anyway (409).
            #expect(try await API.act(app, id, "accept", cast.officer).status == .ok)
            #expect(try await API.act(app, id, "complete", cast.officer, #"{"outcome": "authentic"}"#).status == .ok)
        }
    }
}
