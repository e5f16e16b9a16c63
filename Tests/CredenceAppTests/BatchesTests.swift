import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Batches (issue 16): a file of holders made into requests at once, or refused whole.
@Suite struct BatchesTests {
    static let english = "entry (id or seq),holder name,nationality (ISO 3166-1 alpha-2),date of birth,passport number,certificate number,issued on,expires on,note,holder consent (yes/no)"
    static let chinese = "职业资格（编号或序号）,持证人姓名,国籍（两位字母代码）,出生日期,护照号码,证书编号,发证日期,有效期至,备注,持证人已同意（是/否）"

    func rows(_ count: Int, consent: String = "yes") -> String {
        (1...count).map { "cfa,Holder \($0),GB,,,CERT-\($0),,,,\(consent)" }.joined(separator: "\r\n")
    }

    func upload(_ app: OpenApp, _ token: String, _ text: String, lang: String = "en") async throws -> TestResponse {
        try await app.client.execute(uri: "/api/v1/verification-batches?lang=\(lang)", method: .post,
                                     headers: [.authorization: "Bearer \(token)", .contentType: "text/csv"], body: ByteBuffer(string: text))
    }

    func count(_ app: OpenApp, _ token: String) async throws -> Int {
        let list = try await app.client.execute(uri: "/api/v1/verification-requests?limit=500", method: .get,
                                                headers: [.authorization: "Bearer \(token)"]).jsonObject()
        return (list["requests"] as? [Any])?.count ?? -1
    }

    @Test(arguments: TestDatabase.available)
    func fiveHundredRowsAreAcceptedAndReadBackInOrder(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let employer = try await TestAccounts.employer("Acme", on: app.store)
            let token = try await app.store.accounts.issueToken(for: employer).token
            let answer = try await upload(app, token, "\u{FEFF}" + Self.english + "\r\n" + rows(500))
            #expect(answer.status == .created)
            let created = try answer.jsonObject()
            let id = try #require(created["id"] as? String)
            #expect(created["count"] as? Int == 500 && (created["requests"] as? [String])?.count == 500)
            #expect(try await count(app, token) == 500)

            let batch = try await app.client.execute(uri: "/api/v1/verification-batches/\(id)", method: .get,
                                                     headers: [.authorization: "Bearer \(token)"]).jsonObject()
            let requests = try #require(batch["requests"] as? [[String: Any]])
            #expect(requests.map { $0["id"] as? String ?? "" } == (created["requests"] as? [String] ?? []), "in the file's order")
            #expect((batch["byStatus"] as? [String: Int])?["submitted"] == 500)

            // The export says what the API says, row for row.
            let export = try await app.client.execute(uri: "/api/v1/verification-batches/\(id)/export?format=csv", method: .get,
                                                      headers: [.authorization: "Bearer \(token)"])
            let text = String(buffer: export.body)
            #expect(text.hasPrefix("\u{FEFF}"))
            let lines = text.dropFirst().split(separator: "\r\n")
            #expect(lines.count == 501)
            for (line, request) in zip(lines.dropFirst(), requests) {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                #expect(cells[0] == request["id"] as? String && cells[3] == request["certificateNumber"] as? String && cells[4] == request["status"] as? String)
            }

            // Another employer's batch is not found; the same file again repeats open requests.
            let other = try await TestAccounts.employer("Other", on: app.store)
            let stranger = try await app.store.accounts.issueToken(for: other).token
            #expect(try await app.client.execute(uri: "/api/v1/verification-batches/\(id)", method: .get,
                                                 headers: [.authorization: "Bearer \(stranger)"]).status == .notFound)
            let again = try await upload(app, token, Self.english + "\n" + rows(2))
            #expect(again.status == .unprocessableContent)
        }
    }

    @Test(arguments: TestDatabase.available)
    func badRowsAreAllNamedAndNothingIsCreated(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let employer = try await TestAccounts.employer("Acme", on: app.store)
            let token = try await app.store.accounts.issueToken(for: employer).token
            let file = Self.chinese + "\n" + "cfa,Good Row,GB,,,C-1,,,,是\n" + "nope,Bad Entry,GB,,,C-2,,,,是\n"
                + "cfa,Bad Nationality,Britain,,,C-3,,,,是\n" + "cfa,No Consent,GB,,,C-4,,,,否\n"
            let answer = try await upload(app, token, file, lang: "zh")
            #expect(answer.status == .unprocessableContent)
            let problems = try #require(try answer.jsonObject()["rows"] as? [[String: Any]])
            let found = Set(problems.map { "\($0["row"] as? Int ?? 0) \($0["field"] as? String ?? "")" })
            #expect(found == ["3 职业资格（编号或序号）", "4 国籍（两位字母代码）", "5 持证人已同意（是/否）"])
            #expect(try await count(app, token) == 0, "nothing created")

            // A seq names an entry too (cfa is 1 in the 2023 edition? whichever it is, the seq of cfa works).
            let catalog = try await app.store.loadCatalog()
            let seq = try #require(catalog.entries(of: try catalog.resolveEdition(nil).id)?.first { $0.id == "cfa" }?.seq)
            #expect(try await upload(app, token, Self.english + "\n\(seq),By Seq,GB,,,C-9,,,,yes").status == .created)

            #expect(try await upload(app, token, Self.english + "\n" + rows(501)).status == .contentTooLarge)
            let huge = Self.english + "\n" + String(repeating: "x", count: BatchCSV.maxBytes)
            #expect(try await upload(app, token, huge).status == .contentTooLarge)
            #expect(try await app.client.execute(uri: "/api/v1/verification-batches/template?lang=zh", method: .get).status == .ok)
        }
    }
}
