import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// What Credence writes, Credence reads (issue 44): an edition exported in each format and
/// imported again is the same edition — a signed-off one too, whose export was refused.
@Suite struct EditionRoundTripTests {
    @Test(arguments: TestDatabase.available)
    func everyFormatOfASignedOffEditionImportsAsItWasExported(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let store = app.store
            let token = try await store.accounts.issueToken(for: try await TestAccounts.staff(.admin, on: store).0).token
            let admin: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            func send(_ method: HTTPRequest.Method, _ uri: String, _ headers: HTTPFields = [:], _ body: ByteBuffer? = nil) async throws -> TestResponse {
                try await app.client.execute(uri: uri, method: method, headers: headers, body: body)
            }
            // A 2027 draft with an added value carrying its source and keywords, signed off and published.
            #expect(try await send(.post, "/api/v1/editions", admin, ByteBuffer(string:
                #"{"id": "tianjin-2027", "jurisdiction": "tianjin", "title": {"zh": "2027年版", "en": "2027 edition"}, "basedOn": "tianjin-2023"}"#)).status == .created)
            let entry = #"{"id": "test-qualification", "name": {"zh": "测试=资格, \"引号\"", "en": "-Test, qualification"}, "issuer": {"zh": "机构", "en": "'=Body"}, "fields": ["finance"], "remarks": {"zh": "备注\n第二行", "en": "@Remarks"}, "abbreviations": ["TQ"], "keywords": ["测试", "tq"], "supplementary": {"name.en": "Credence translation"}}"#
            #expect(try await send(.post, "/api/v1/editions/tianjin-2027/entries", admin, ByteBuffer(string: entry)).status == .created)
            #expect(try await send(.post, "/api/v1/editions/tianjin-2027/sign-off-request", admin, ByteBuffer(string: "{}")).status == .ok)
            for department in ["hrss", "ftz"] {
                let reviewer = try await store.accounts.issueToken(for: try await TestSignOff.reviewer(department, on: store)).token
                #expect(try await send(.post, "/api/v1/editions/tianjin-2027/approvals", [.authorization: "Bearer \(reviewer)", .contentType: "application/json"],
                                       ByteBuffer(string: #"{"decision": "approve", "comment": "同意"}"#)).status == .ok)
            }
            #expect(try await send(.post, "/api/v1/editions/tianjin-2027/publish", admin, ByteBuffer(string:
                #"{"noticeRef": "津人社规〔2027〕1号", "issuedOn": "2026-12-01", "effectiveOn": "2026-12-01"}"#)).status == .ok)
            let original = try #require(try await store.loadCatalog().entries(of: "tianjin-2027"))
            #expect(original.contains { $0.keywords == ["测试", "tq"] && $0.supplementary == ["name.en": "Credence translation"] })

            for format in ["json", "csv", "xlsx"] {
                let exported = try await send(.get, "/api/v1/editions/tianjin-2027/export?format=\(format)")
                #expect(exported.status == .ok, "\(format)")
                let copy = "copy-\(format)"
                let imported = try await send(
                    .post, "/api/v1/editions/import?format=\(format)&id=\(copy)&titleZh=2027&titleEn=2027",
                    [.authorization: "Bearer \(token)"], exported.body)
                #expect(imported.status == .created, "\(format): \(imported.text.prefix(300))")
                let read = try #require(try await store.loadCatalog().entries(of: copy), "\(format)")
                #expect(read.map { Self.withoutEdition($0) } == original.map { Self.withoutEdition($0) }, "\(format)")
            }
        }
    }

    static func withoutEdition(_ entry: Entry) -> Entry {
        var entry = entry
        entry.edition = ""
        return entry
    }
}
