import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 34: the departments' sign-off. Publishing waits for every required department; a
/// change to the draft withdraws the approvals; reviewers read drafts, never requests.
@Suite struct SignOffTests {
    func bearer(_ account: Account, _ app: OpenApp) async throws -> HTTPFields {
        [.authorization: "Bearer \(try await app.store.accounts.issueToken(for: account).token)", .contentType: "application/json"]
    }

    func error(_ response: TestResponse) -> [String: Any] {
        (try? response.jsonObject())?["error"] as? [String: Any] ?? [:]
    }

    @Test(arguments: TestDatabase.available)
    func publishingWaitsForTheRequiredDepartmentsAndAChangeWithdrawsTheirApprovals(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let store = app.store
            let administrator = try await TestAccounts.staff(.admin, on: store).0
            let admin = try await bearer(administrator, app)
            let hrss = try await bearer(try await TestSignOff.reviewer("hrss", on: store), app)
            let ftz = try await bearer(try await TestSignOff.reviewer("ftz", on: store), app)
            let police = try await bearer(try await TestSignOff.reviewer("police", on: store), app)
            func send(_ method: HTTPRequest.Method, _ uri: String, _ headers: HTTPFields, _ body: String? = nil) async throws -> TestResponse {
                try await app.client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
            }
            let departments = try await send(.get, "/api/v1/departments", [:]).jsonObject()["departments"] as? [[String: Any]]
            #expect(departments?.map { ($0["name"] as? [String: String])?["zh"] ?? "" }
                    == ["市人社局", "自贸试验区管委会", "市规划资源局", "市金融局", "市科技局", "市市场监管委", "市公安局"])
            #expect(departments?.filter { $0["part"] as? String == "required" }.map { $0["id"] as? String } == ["hrss", "ftz"])

            #expect(try await send(.post, "/api/v1/editions", admin,
                #"{"id": "tianjin-2027", "jurisdiction": "tianjin", "title": {"zh": "2027", "en": "2027"}, "basedOn": "tianjin-2023"}"#).status == .created)
            let publish = #"{"noticeRef": "津人社规〔2027〕1号", "issuedOn": "2026-12-01", "effectiveOn": "2026-12-01"}"#
            let early = try await send(.post, "/api/v1/editions/tianjin-2027/publish", admin, publish)
            #expect(early.status == .conflict && (error(early))["code"] as? String == "sign_off_pending")
            #expect(((error(early))["message"] as? String)?.contains("Tianjin Municipal Bureau of Human Resources and Social Security") == true)
            let zh = try await app.client.execute(uri: "/admin/editions/tianjin-2027/publish", method: .post,
                                                  headers: TestForms.headers(session: try await store.accounts.openSession(for: administrator)),
                                                  body: TestForms.body([("noticeRef", "x"), ("issuedOn", "2026-12-01"), ("effectiveOn", "2026-12-01")]))
            #expect(zh.status == .conflict && zh.text.contains("尚待以下部门会签同意：市人社局、自贸试验区管委会"))

            // Not yet submitted: an answer is refused.
            let unsubmitted = try await send(.post, "/api/v1/editions/tianjin-2027/approvals", hrss, #"{"decision": "approve"}"#)
            #expect(unsubmitted.status == .conflict && (error(unsubmitted))["code"] as? String == "sign_off_not_requested")
            #expect(try await send(.post, "/api/v1/editions/tianjin-2027/sign-off-request", admin, "{}").status == .ok)
            let noReason = try await send(.post, "/api/v1/editions/tianjin-2027/approvals", ftz, #"{"decision": "return"}"#)
            #expect(noReason.status == .unprocessableContent && (error(noReason))["field"] as? String == "comment")
            #expect(try await send(.post, "/api/v1/editions/tianjin-2027/approvals", hrss, #"{"decision": "approve"}"#).status == .ok)
            #expect(try await send(.post, "/api/v1/editions/tianjin-2027/approvals", police, #"{"decision": "approve"}"#).status == .ok)
            let half = try await send(.post, "/api/v1/editions/tianjin-2027/publish", admin, publish)
            #expect(half.status == .conflict && ((error(half))["message"] as? String)?.contains("Pilot Free Trade Zone") == true)
            #expect(((error(half))["message"] as? String)?.contains("Human Resources") == false)
            // A department's part changed while the draft awaits: nothing is withdrawn, and the answer says what changes.
            let promoted = try await send(.put, "/api/v1/departments/science", admin, #"{"part": "required"}"#)
            let effect = try promoted.jsonObject()["effect"] as? [String: String]
            #expect(promoted.status == .ok && effect?["en"]?.contains("(tianjin-2027) now also wait for the approval of") == true && effect?["zh"] != nil)
            let demoted = try await send(.put, "/api/v1/departments/science", admin, #"{"part": "consulted"}"#)
            #expect((try demoted.jsonObject()["effect"] as? [String: String])?["en"]?.contains("no longer need") == true)
            #expect(try await store.auditLog.events().contains { $0.kind == "department.changed" && $0.detail?.contains("tianjin-2027") == true })
            #expect(try await send(.post, "/api/v1/editions/tianjin-2027/approvals", ftz, #"{"decision": "approve"}"#).status == .ok)

            // The draft changes: the approvals were to another text.
            #expect(try await send(.post, "/api/v1/editions/tianjin-2027/entries/cka/retire", admin, #"{"reason": "issuance"}"#).status == .ok)
            let withdrawn = try await send(.post, "/api/v1/editions/tianjin-2027/publish", admin, publish)
            #expect(withdrawn.status == .conflict && (error(withdrawn))["code"] as? String == "sign_off_pending")
            #expect(try await store.auditLog.events().contains { $0.kind == "edition.approvals_withdrawn" })
            // Reviewers read the draft as it now stands, and answer again.
            let draft = try await send(.get, "/api/v1/editions/tianjin-2027", hrss)
            #expect(draft.status == .ok)
            #expect((try draft.jsonObject()["signOff"] as? [String: Any])?["answers"] as? [Any] != nil)
            for reviewer in [hrss, ftz] {
                #expect(try await send(.post, "/api/v1/editions/tianjin-2027/approvals", reviewer, #"{"decision": "approve", "comment": "同意"}"#).status == .ok)
            }
            let published = try await send(.post, "/api/v1/editions/tianjin-2027/publish", admin, publish)
            #expect(published.status == .ok)
            let edition = try published.jsonObject()
            #expect(edition["reviewDueOn"] as? String == "2027-12-01" && edition["noticeRef"] as? String == "津人社规〔2027〕1号")
            let signOff = try #require(edition["signOff"] as? [String: Any])
            #expect((signOff["departments"] as? [Any])?.count == 7)
            #expect((signOff["answers"] as? [[String: Any]])?.map { $0["department"] as? String } == ["hrss", "ftz"], "police approved the text before it changed, and did not answer again")
            #expect(try await store.auditLog.verify() == nil)
            let catalogPage = try await app.client.execute(uri: "/catalog", method: .get, headers: [.acceptLanguage: "zh"]).text
            #expect(catalogPage.contains("津人社规〔2027〕1号") && catalogPage.contains("自贸试验区管委会"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func reviewersReadDraftsNeverRequestsAndDepartmentsAreData(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let store = app.store
            let (request, _) = try await TestRequests.completedAuthentic(on: store)
            let reviewer = try await bearer(try await TestSignOff.reviewer("science", on: store), app)
            let admin = try await bearer(try await TestAccounts.staff(.admin, on: store).0, app)
            let read = try await app.client.execute(uri: "/api/v1/verification-requests/\(request.id.uuidString.lowercased())", method: .get, headers: reviewer)
            #expect(read.status == .forbidden)
            #expect(try await app.client.execute(uri: "/api/v1/verification-requests", method: .get, headers: reviewer).status == .forbidden)
            // The notice's two "会同" departments are required by the notice itself: they cannot be demoted.
            for lead in ["ftz", "hrss"] {
                let demoted = try await app.client.execute(uri: "/api/v1/departments/\(lead)", method: .put, headers: admin,
                                                           body: ByteBuffer(string: #"{"part": "consulted"}"#))
                #expect(demoted.status == .conflict && demoted.errorCode == "leading_department")
            }
            // Another department's part is the administrators' to change, audited.
            let changed = try await app.client.execute(uri: "/api/v1/departments/science", method: .put, headers: admin,
                                                       body: ByteBuffer(string: #"{"part": "required"}"#))
            #expect(changed.status == .ok)
            #expect(try await store.auditLog.events().contains { $0.kind == "department.changed" && $0.subject == "science" })
            _ = try await app.client.execute(uri: "/api/v1/departments/science", method: .put, headers: admin, body: ByteBuffer(string: #"{"part": "consulted"}"#))
            let bad = try await app.client.execute(uri: "/api/v1/departments/ftz", method: .put, headers: admin, body: ByteBuffer(string: #"{"part": "vital"}"#))
            #expect(bad.status == .unprocessableContent)
            #expect(try await app.client.execute(uri: "/api/v1/departments/nope", method: .put, headers: admin,
                                                 body: ByteBuffer(string: #"{"part": "consulted"}"#)).status == .notFound)
            #expect(try await store.editions.departments().filter { $0.part == .required }.map(\.id) == ["hrss", "ftz"])
            // A reviewer needs a department that exists.
            await #expect(throws: AccountError.self) {
                _ = try await store.accounts.createStaff(role: .reviewer, email: "r@credence.example", name: "R", password: TestAccounts.password, department: "nope")
            }
        }
    }
}
