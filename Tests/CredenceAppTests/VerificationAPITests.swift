import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// The verification service over HTTP, on every database this run has.
@Suite struct VerificationAPITests {
    /// Tokens for the cast of a verification: two employers, an officer, an admin.
    struct Cast {
        var employerA: HTTPFields
        var employerB: HTTPFields
        var officer: HTTPFields
        var admin: HTTPFields

        static func make(_ app: OpenApp) async throws -> Cast {
            func bearer(_ account: Account) async throws -> HTTPFields {
                [.authorization: "Bearer \(try await app.store.accounts.issueToken(for: account).token)", .contentType: "application/json"]
            }
            return Cast(
                employerA: try await bearer(try await TestAccounts.employer("Acme", on: app.store)),
                employerB: try await bearer(try await TestAccounts.employer("Bolt", on: app.store)),
                officer: try await bearer(try await TestAccounts.staff(.officer, on: app.store).0),
                admin: try await bearer(try await TestAccounts.staff(.admin, on: app.store).0))
        }
    }

    static let draft = #"{"entryId": "uk-pharmacist", "holder": {"name": "Emily Clarke", "nationality": "gb", "dateOfBirth": "1985-04-12", "passportNumber": "533401234"}, "certificateNumber": "2081234", "issuedOn": "2012-08-01", "holderConsent": true}"#

    static func submit(_ app: OpenApp, _ headers: HTTPFields, _ body: String = draft) async throws -> String {
        let response = try await app.client.execute(uri: "/api/v1/verification-requests", method: .post, headers: headers,
                                                    body: ByteBuffer(string: body))
        #expect(response.status == .created, "\(response.text)")
        return try #require(try response.jsonObject()["id"] as? String)
    }

    /// A submission answers with what it stored, without reading it back; a read must agree.
    @Test(arguments: TestDatabase.available)
    func theAnswerToASubmissionIsWhatIsStored(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let cast = try await Cast.make(app)
            let body = Self.draft.replacingOccurrences(of: #""holderConsent": true"#, with: #""expiresOn": "2030-01-01", "note": "HR ref 7", "holderConsent": true"#)
            let created = try await app.client.execute(uri: "/api/v1/verification-requests", method: .post, headers: cast.employerA,
                                                       body: ByteBuffer(string: body))
            #expect(created.status == .created)
            let answered = try created.jsonObject()
            let id = try #require(answered["id"] as? String)
            let readResponse = try await app.client.execute(uri: "/api/v1/verification-requests/\(id)", method: .get, headers: cast.employerA)
            let read = try readResponse.jsonObject()
            // Compared as canonical JSON: NSDictionary's isEqual on Linux tells two parsed `false` apart.
            func canonical(_ value: Any) throws -> String {
                String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
            }
            let differing = Set(answered.keys).union(read.keys).filter { key in
                (try? canonical([key: answered[key] ?? NSNull()])) != (try? canonical([key: read[key] ?? NSNull()]))
            }
            #expect(differing.isEmpty, "\(differing.sorted()): \(differing.map { "\(answered[$0] ?? "absent") vs \(read[$0] ?? "absent")" })")
        }
    }

    /// A request for information: one item.
    static let asking = #"{"items": [{"code": "passport_copy"}]}"#

    static func act(_ app: OpenApp, _ id: String, _ action: String, _ headers: HTTPFields, _ body: String = "") async throws
        -> TestResponse
    {
        try await app.client.execute(uri: "/api/v1/verification-requests/\(id)/\(action)", method: .post, headers: headers,
                                     body: ByteBuffer(string: body))
    }

    @Test(arguments: TestDatabase.available)
    func aRequestGoesFromSubmissionToASignedCheckableResult(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let cast = try await Cast.make(app)
            let id = try await Self.submit(app, cast.employerA)
            let submitted = try await app.client.execute(uri: "/api/v1/verification-requests/\(id)", method: .get, headers: cast.employerA)
            let body = try submitted.jsonObject()
            #expect(body["status"] as? String == "submitted")
            #expect((body["holder"] as? [String: Any])?["nationality"] as? String == "GB")
            #expect((body["holder"] as? [String: Any])?["passportNumber"] as? String == "533401234", "in full in its own detail")
            #expect(body["edition"] as? String == "tianjin-2023")
            #expect(body["estimatedCompletionOn"] is NSNull)
            #expect((body["channel"] as? [String: Any])?["kind"] as? String == "public_register")

            let list = try await app.client.execute(uri: "/api/v1/verification-requests", method: .get, headers: cast.employerA).jsonObject()
            let listed = try #require((list["requests"] as? [[String: Any]])?.first)
            #expect((listed["holder"] as? [String: Any])?["passportNumber"] as? String == "53*****34", "masked in lists")
            // A list carries the channel's summary; the request itself the whole channel (issue 35).
            let whole = try #require(body["channel"] as? [String: Any])
            #expect(whole["evidence"] is [Any])
            let summary = try #require(listed["channel"] as? [String: Any])
            #expect(Set(summary.keys) == ["id", "kind"])
            #expect(summary["id"] as? String == body["issuingBodyId"] as? String)
            #expect(summary["kind"] as? String == whole["kind"] as? String)

            // Officer: more information, employer resubmits, accepted with an estimate, completed.
            #expect(try await Self.act(app, id, "request-info", cast.officer,
                                       #"{"items": [{"code": "certificate_scan", "note": "The registration page."}]}"#).status == .ok)
            #expect(try await Self.act(app, id, "resubmit", cast.employerA, #"{"answers": [{"item": 1, "note": "Added."}]}"#).status == .ok)
            let accepted = try await Self.act(app, id, "accept", cast.officer).jsonObject()
            #expect(accepted["status"] as? String == "accepted")
            let expected = (try HolidayCalendar.bundled().adding(2, to: .today()).date.description)
            #expect(accepted["estimatedCompletionOn"] as? String == expected)
            let completed = try await Self.act(app, id, "complete", cast.officer, #"{"outcome": "authentic", "note": "On the GPhC register."}"#)
            #expect(completed.status == .ok)
            let result = try completed.jsonObject()
            #expect(result["outcome"] as? String == "authentic")
            let code = try #require(result["verificationCode"] as? String)
            #expect((result["disclaimer"] as? [String: String])?["zh"]?.hasPrefix("核查结果仅对证书的真实性进行确认") == true)
            #expect((result["history"] as? [[String: Any]])?.compactMap { $0["action"] as? String }
                == ["submit", "request_info", "resubmit", "accept", "complete"])

            // Anyone can check the code; the name is masked.
            let check = try await app.client.execute(uri: "/api/v1/verify/\(code)", method: .get).jsonObject()
            #expect(check["outcome"] as? String == "authentic")
            #expect(check["holderName"] as? String == "E**** C*****")
            #expect(try await app.client.execute(uri: "/api/v1/verify/TJ-NOPE0-NOPE0", method: .get).status == .notFound)

            // The receipt verifies offline with the published key, and not after any change.
            let receipt = try await app.client.execute(uri: "/api/v1/verification-requests/\(id)/receipt", method: .get, headers: cast.employerA)
            #expect(receipt.status == .ok)
            let key = try await app.client.execute(uri: "/api/v1/public-key", method: .get).jsonObject()
            let publicKeyText = try #require(key["publicKey"] as? String)
            let publicKey = try #require(Data(base64Encoded: publicKeyText))
            let document = Data(receipt.text.utf8)
            #expect(ReceiptVerifier.verify(document: document, publicKey: publicKey) == .valid)
            var changed = 0
            let text = receipt.text
            let receiptStart = try #require(text.range(of: "\"receipt\":{"))
            let receiptEnd = try #require(text.range(of: "},\"signature\"", options: .backwards))
            for offset in stride(from: text.distance(from: text.startIndex, to: receiptStart.upperBound),
                                 to: text.distance(from: text.startIndex, to: receiptEnd.lowerBound), by: 7) {
                var bytes = Array(text.utf8)
                guard bytes[offset] >= 0x30, bytes[offset] < 0x7f, bytes[offset] != 0x22, bytes[offset] != 0x5c else { continue }
                bytes[offset] = bytes[offset] == 0x41 ? 0x42 : 0x41
                guard let mutated = String(bytes: bytes, encoding: .utf8), (try? JSONSerialization.jsonObject(with: Data(mutated.utf8))) != nil
                else { continue }
                #expect(ReceiptVerifier.verify(document: Data(mutated.utf8), publicKey: publicKey) != .valid, "byte \(offset)")
                changed += 1
            }
            #expect(changed > 20)

            // Every step is in the audit chain, which holds — until a row is altered in the database.
            #expect(try await app.store.auditLog.verify() == nil)
            let audit = try await app.client.execute(uri: "/api/v1/audit", method: .get, headers: cast.admin).jsonObject()
            let kinds = (audit["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
            #expect(kinds.contains("verification.complete") && kinds.contains("verification.submit"))
            let sql = try #require(app.store.database as? any SQLDatabase)
            try await sql.raw("UPDATE audit_events SET detail = 'submitted→completed' WHERE seq = 3").run()
            let broken = try await app.store.auditLog.verify()
            #expect(broken?.seq == 3)
        }
    }

    /// Every action from every status the workflow does not allow is a 409, and nothing changes.
    @Test(arguments: TestDatabase.available)
    func everyIllegalTransitionIsAConflict(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let cast = try await Cast.make(app)
            // One request in each status.
            var requests: [VerificationStatus: String] = [:]
            let paths: [VerificationStatus: [(String, Bool, String)]] = [
                .submitted: [],
                .needsInfo: [("request-info", false, Self.asking)],
                .accepted: [("accept", false, "")],
                .rejected: [("reject", false, #"{"reason": "incomplete"}"#)],
                .completed: [("accept", false, ""), ("complete", false, #"{"outcome": "unable_to_verify"}"#)],
                .withdrawn: [("withdraw", true, "")],
            ]
            for (status, steps) in paths {
                let id = try await Self.submit(app, cast.employerA)
                for (action, byEmployer, body) in steps {
                    #expect(try await Self.act(app, id, action, byEmployer ? cast.employerA : cast.officer, body).status == .ok)
                }
                requests[status] = id
            }
            let actions: [(VerificationAction, String, Bool, String)] = [
                (.accept, "accept", false, ""), (.reject, "reject", false, #"{"reason": "incomplete"}"#),
                (.requestInfo, "request-info", false, Self.asking), (.complete, "complete", false, #"{"outcome": "authentic"}"#),
                (.resubmit, "resubmit", true, ""), (.withdraw, "withdraw", true, ""),
            ]
            var conflicts = 0
            for (status, id) in requests {
                for (action, path, byEmployer, body) in actions where (try? VerificationWorkflow.next(from: status, by: action)) == nil {
                    let response = try await Self.act(app, id, path, byEmployer ? cast.employerA : cast.officer, body)
                    #expect(response.status == .conflict, "\(path) from \(status)")
                    let after = try await app.client.execute(uri: "/api/v1/verification-requests/\(id)", method: .get, headers: cast.officer)
                    #expect(try after.jsonObject()["status"] as? String == status.rawValue)
                    conflicts += 1
                }
            }
            #expect(conflicts == 24)  // 2 from each open status, all 6 from each of the 3 final ones
            // A completed request without a receipt yet does not exist; an unfinished one has none.
            #expect(try await app.client.execute(uri: "/api/v1/verification-requests/\(requests[.accepted]!)/receipt", method: .get,
                                                 headers: cast.employerA).status == .conflict)
            // unable_to_verify is its own outcome, with no code.
            let unable = try await app.client.execute(uri: "/api/v1/verification-requests/\(requests[.completed]!)", method: .get,
                                                      headers: cast.employerA).jsonObject()
            #expect(unable["outcome"] as? String == "unable_to_verify")
            #expect(unable["verificationCode"] is NSNull)
        }
    }

    /// Employer B asking for anything of employer A's request: the same 404 as for nothing.
    @Test(arguments: TestDatabase.available)
    func anotherEmployersRequestIsNotFoundOnEveryRoute(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let cast = try await Cast.make(app)
            let id = try await Self.submit(app, cast.employerA)
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
            let attachment = try await app.client.execute(
                uri: "/api/v1/verification-requests/\(id)/attachments", method: .post, headers: Multipart.headers(cast.employerA),
                body: Multipart.body(fileName: "scan.png", bytes: png)).jsonObject()
            let attachmentID = try #require(attachment["id"] as? String)
            var checked = 0
            for route in app.routes where route.contains(":id") {
                let parts = route.split(separator: " ", maxSplits: 1)
                let method = HTTPRequest.Method(rawValue: String(parts[0]))!
                guard let rule = app.access.rule(method, String(parts[1])), rule.allows(.employer) else { continue }
                let path = String(parts[1]).replacingOccurrences(of: ":id", with: id).replacingOccurrences(of: ":attachment", with: attachmentID)
                let isAPI = path.hasPrefix("/api/")
                var headers = cast.employerB
                if !isAPI {
                    let token = try #require(headers[.authorization]?.split(separator: " ").last.map(String.init))
                    let account = try #require(try await app.store.accounts.account(forToken: token)?.0)
                    headers = TestForms.headers(session: try await app.store.accounts.openSession(for: account))
                }
                if path.hasSuffix("/attachments"), method == .post {
                    headers[.contentType] = Multipart.headers(cast.employerB)[.contentType]
                }
                let body: ByteBuffer? = method == .get ? nil
                    : path.hasSuffix("/attachments") ? Multipart.body(fileName: "x.png", bytes: png, csrf: isAPI ? nil : TestForms.csrf)
                    : isAPI ? ByteBuffer(string: "") : TestForms.body([])
                let response = try await app.client.execute(uri: path, method: method, headers: headers, body: body)
                #expect(response.status == .notFound, "\(route) as employer B: \(response.status)")
                checked += 1
            }
            #expect(checked >= 10)
            // And A's request is untouched.
            let still = try await app.client.execute(uri: "/api/v1/verification-requests/\(id)", method: .get, headers: cast.employerA)
            #expect(try still.jsonObject()["status"] as? String == "submitted")
        }
    }

    @Test(arguments: TestDatabase.available)
    func attachmentsAreJudgedByTheirBytes(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let cast = try await Cast.make(app)
            let id = try await Self.submit(app, cast.employerA)
            func upload(_ name: String, _ bytes: [UInt8]) async throws -> TestResponse {
                try await app.client.execute(uri: "/api/v1/verification-requests/\(id)/attachments", method: .post,
                                             headers: Multipart.headers(cast.employerA), body: Multipart.body(fileName: name, bytes: bytes))
            }
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 100)
            let renamed = try await upload("certificate.pdf", png)
            #expect(renamed.status == .created)
            #expect(try renamed.jsonObject()["kind"] as? String == "png", "a PNG named .pdf is a PNG")
            #expect(try renamed.jsonObject()["fileName"] as? String == "certificate.png")
            let tooBig = [UInt8]("%PDF-1.7\n".utf8) + Array(repeating: 0x20, count: 10 * 1024 * 1024 + 1 - 9)
            #expect(tooBig.count == 10 * 1024 * 1024 + 1)
            #expect(try await upload("big.pdf", tooBig).status == .contentTooLarge)
            let exactly = [UInt8]("%PDF-1.7\n".utf8) + Array(repeating: 0x20, count: 10 * 1024 * 1024 - 9)
            #expect(try await upload("max.pdf", exactly).status == .created)
            #expect(try await upload("empty.pdf", []).status == .unprocessableContent)
            #expect(try await upload("notes.pdf", Array("just text".utf8)).status == .unsupportedMediaType)
            #expect(try await upload("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2]).status == .created)
            let renamedID = try #require(try renamed.jsonObject()["id"] as? String)
            let download = try await app.client.execute(
                uri: "/api/v1/verification-requests/\(id)/attachments/\(renamedID)",
                method: .get, headers: cast.officer)
            #expect(download.status == .ok)
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"certificate.png\"")
            #expect(download.headers[.contentType] == "image/png")
            #expect(download.headers[values: .init("X-Content-Type-Options")!].contains("nosniff"))
            #expect(Array(buffer: download.body) == png)
            #expect(try await upload("a.png", png).status == .created)
            #expect(try await upload("b.png", png).status == .created)
            #expect(try await upload("six.png", png).status == .conflict, "at most five")
        }
    }

    /// Many submissions at once: all stored, and the audit chain does not fork (it did on
    /// PostgreSQL before appends were serialized — found by scripts/durability.py).
    @Test(arguments: TestDatabase.available)
    func concurrentSubmissionsKeepOneAuditChain(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            // Through the store, 24 at once: the test client has one connection and would send
            // them one after another (and under a loaded CI it ran past its 20-second timeout).
            let employer = try await TestAccounts.employer("Concurrent", on: app.store)
            let catalog = try await app.store.loadCatalog()
            let stored = try await withThrowingTaskGroup(of: UUID.self) { group in
                for n in 0..<24 {
                    group.addTask {
                        try await app.store.verifications.submit(
                            VerificationDraft(entryId: "cfa", holderName: "Holder \(n)", holderNationality: "GB", certificateNumber: "C-\(n)",
                                              holderConsent: true), by: employer, catalog: catalog).id
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(stored).count == 24)
            #expect(try await app.store.auditLog.verify() == nil)
            #expect(try await app.auditKinds().filter { $0 == "verification.submit" }.count == 24)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anAdministratorCorrectsAChannelAndTheEstimateFollows(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let cast = try await Cast.make(app)
            let channel = #"{"channel": {"kind": "written_request", "url": null, "inputs": ["certificateNumber"], "typicalWorkingDays": 11, "source": "Telephone call to the GPhC's registration team."}, "checkedOn": "2026-11-20"}"#
            // The registry is kept in memory; read it first so the change below must replace it.
            #expect(try await app.client.execute(uri: "/api/v1/issuing-bodies", method: .get).text.contains(#""typicalWorkingDays":11"#) == false)
            let changed = try await app.client.execute(uri: "/api/v1/issuing-bodies/gphc", method: .put, headers: cast.admin,
                                                       body: ByteBuffer(string: channel))
            #expect(changed.status == .ok)
            let bodies = try await app.client.execute(uri: "/api/v1/issuing-bodies", method: .get).jsonObject()
            let gphc = try #require((bodies["issuingBodies"] as? [[String: Any]])?.first { $0["id"] as? String == "gphc" })
            let stored = try #require(gphc["channel"] as? [String: Any])
            #expect(stored["typicalWorkingDays"] as? Int == 11)
            #expect(stored["workingDaysBasis"] as? String == "default")
            #expect(stored["url"] is NSNull)
            // Confirmed by the administrator on the day they checked; the evidence found before is kept.
            #expect(stored["confidence"] as? String == "confirmed")
            let confirmation = try #require(stored["confirmation"] as? [String: Any])
            #expect(confirmation["by"] as? String == "The admin" && confirmation["on"] as? String == "2026-11-20")
            #expect(confirmation["source"] as? String == "Telephone call to the GPhC's registration team.")
            let found = try BundledData.issuingBodies().first { $0.id == "gphc" }?.channel.evidence.count
            #expect((stored["evidence"] as? [Any])?.count == found)
            let id = try await Self.submit(app, cast.employerA)
            let accepted = try await Self.act(app, id, "accept", cast.officer).jsonObject()
            let estimate = try HolidayCalendar.bundled().adding(11, to: .today()).date.description
            #expect(accepted["estimatedCompletionOn"] as? String == estimate)
            // In the audit chain: who, which body, what it was before and the confirmation.
            let audit = try await app.client.execute(uri: "/api/v1/audit", method: .get, headers: cast.admin).jsonObject()
            let event = try #require((audit["events"] as? [[String: Any]])?.last { $0["kind"] as? String == "issuing_body.changed" })
            #expect(event["subjectId"] as? String == "gphc")
            #expect((event["detail"] as? String)?.contains(#""confidence":"official-page-third-party-url""#) == true)
            #expect((event["detail"] as? String)?.contains(#""on":"2026-11-20""#) == true)
            #expect(try await app.store.auditLog.verify() == nil)
            for (bad, field) in [(channel.replacingOccurrences(of: "\"typicalWorkingDays\": 11", with: "\"typicalWorkingDays\": 0"), "channel.typicalWorkingDays"),
                                 (channel.replacingOccurrences(of: "2026-11-20", with: "2999-01-01"), "checkedOn"),
                                 (channel.replacingOccurrences(of: "2026-11-20", with: "20 Nov"), "checkedOn"),
                                 (channel.replacingOccurrences(of: "\"typicalWorkingDays\": 11", with: "\"typicalWorkingDays\": 11, \"workingDaysBasis\": \"stated\", \"turnaround\": null"), "channel.turnaround"),
                                 (channel.replacingOccurrences(of: "\"source\": \"Telephone call to the GPhC's registration team.\"", with: "\"source\": \" \""), "channel.source")] {
                let refused = try await app.client.execute(uri: "/api/v1/issuing-bodies/gphc", method: .put, headers: cast.admin,
                                                           body: ByteBuffer(string: bad))
                #expect(refused.status == .unprocessableContent, "\(field)")
                #expect((try refused.jsonObject()["error"] as? [String: Any])?["field"] as? String == field)
            }
            #expect(try await app.client.execute(uri: "/api/v1/issuing-bodies/nope", method: .put, headers: cast.admin,
                                                 body: ByteBuffer(string: channel)).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.available)
    func everyChannelIsServedAsTheRegistryFoundIt(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let file = try #require(try JSONSerialization.jsonObject(with: BundledData.resource("issuing-body-channels", "json")) as? [String: Any])
            let found = Dictionary(uniqueKeysWithValues: try #require(file["bodies"] as? [[String: Any]]).map { ($0["id"] as! String, $0) })
            let served = try #require(try await app.client.execute(uri: "/api/v1/issuing-bodies", method: .get).jsonObject()["issuingBodies"] as? [[String: Any]])
            #expect(served.count == found.count)
            for body in served {
                let id = try #require(body["id"] as? String)
                let data = try #require(found[id])
                let channel = try #require(body["channel"] as? [String: Any])
                #expect((channel["url"] as? String) == (data["url"] as? String), "\(id)")
                #expect(channel["url"] is NSNull == (data["url"] is NSNull), "\(id)")
                #expect(channel["confidence"] as? String == data["confidence"] as? String, "\(id)")
                let evidence = try #require(channel["evidence"] as? [[String: Any]])
                #expect(evidence.count == (data["evidence"] as? [Any])?.count, "\(id)")
                if !(channel["url"] is NSNull) { #expect(evidence.first?["source"] is String && evidence.first?["quote"] is String, "\(id)") }
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func badSubmissionsNameTheFieldAndStoreNothing(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let cast = try await Cast.make(app)
            let cases: [(String, String)] = [
                (Self.draft.replacingOccurrences(of: #""holderConsent": true"#, with: #""holderConsent": false"#), "holderConsent"),
                (Self.draft.replacingOccurrences(of: #", "holderConsent": true"#, with: ""), "holderConsent"),
                (Self.draft.replacingOccurrences(of: "uk-pharmacist", with: "nope"), "entryId"),
                (Self.draft.replacingOccurrences(of: #""gb""#, with: #""XX""#), "holder.nationality"),
                (Self.draft.replacingOccurrences(of: "1985-04-12", with: "12/04/1985"), "holder.dateOfBirth"),
                (Self.draft.replacingOccurrences(of: "533401234", with: "53 34"), "holder.passportNumber"),
                (Self.draft.replacingOccurrences(of: #""2081234""#, with: #""""#), "certificateNumber"),
                (Self.draft.replacingOccurrences(of: "2012-08-01", with: "2999-01-01"), "issuedOn"),
                (Self.draft.replacingOccurrences(of: #""Emily Clarke""#, with: "42"), "holder.name"),
                (Self.draft.replacingOccurrences(of: #""name""#, with: #""nmae""#), "holder.nmae"),
            ]
            for (body, field) in cases {
                let response = try await app.client.execute(uri: "/api/v1/verification-requests", method: .post,
                                                            headers: cast.employerA, body: ByteBuffer(string: body))
                #expect(response.status == .unprocessableContent, "\(field)")
                #expect((try response.jsonObject()["error"] as? [String: Any])?["field"] as? String == field)
            }
            let list = try await app.client.execute(uri: "/api/v1/verification-requests", method: .get, headers: cast.officer).jsonObject()
            #expect((list["requests"] as? [Any])?.isEmpty == true)
            #expect(try await app.client.execute(uri: "/api/v1/verification-requests", method: .post, headers: cast.officer,
                                                 body: ByteBuffer(string: Self.draft)).status == .forbidden)
        }
    }
}

/// multipart/form-data bodies for tests.
enum Multipart {
    static let boundary = "credence-test-boundary-7MA4YWxkTrZu0gW"

    static func headers(_ base: HTTPFields) -> HTTPFields {
        var headers = base
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return headers
    }

    static func body(fileName: String, bytes: [UInt8], csrf: String? = nil, fields: [(String, String)] = []) -> ByteBuffer {
        var data: [UInt8] = []
        func add(_ text: String) { data += Array(text.utf8) }
        for (name, value) in (csrf.map { [("csrf", $0)] } ?? []) + fields {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        add("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        data += bytes
        add("\r\n--\(boundary)--\r\n")
        return ByteBuffer(bytes: data)
    }
}

extension OpenApp {
    func auditKinds() async throws -> [String] {
        try await store.auditLog.events().map(\.kind)
    }
}
