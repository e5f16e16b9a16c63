import CredenceApp
import CredenceCore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// Issue 42: a file of a few kilobytes must never stop, fill or stall the service. Each
/// hostile file, built in the test, is refused with its status and code, through the API,
/// the web form and the edition import, and nothing is created.
@Suite struct HostileUploadsTests {
    static func upload(_ client: some TestClientProtocol, _ token: String, _ bytes: [UInt8], language: String = "en",
                       type: String = "application/octet-stream") async throws -> TestResponse {
        try await client.execute(uri: "/api/v1/verification-batches?lang=\(language)", method: .post,
                                 headers: [.authorization: "Bearer \(token)", .contentType: type], body: ByteBuffer(bytes: bytes))
    }

    static func employerToken(_ app: OpenApp) async throws -> String {
        let employer = try await TestAccounts.employer("Hostile HR", on: app.store)
        return try await app.store.accounts.issueToken(for: employer).token
    }

    /// Every class of hostile file, with the answer it gets.
    static func cases() throws -> [(name: String, bytes: [UInt8], status: HTTPResponse.Status, code: String)] {
        [
            ("deep sheet", try HostileFiles.deepSheet(), .unprocessableContent, "too_deeply_nested"),
            ("deep workbook.xml", try HostileFiles.deepWorkbook(), .unprocessableContent, "too_deeply_nested"),
            ("a cell in column XFD", try HostileFiles.wide(), .contentTooLarge, "too_many_columns"),
            ("a 1 MB shared string in 1,000 cells", try HostileFiles.amplified(), .contentTooLarge, "cell_too_long"),
            ("601 rows of .xlsx", try HostileFiles.long(rows: 601), .contentTooLarge, "too_many_rows"),
            ("a header then 2,000,000 empty columns", HostileFiles.wideCSV(), .contentTooLarge, "too_many_columns"),
            ("5,000 rows of CSV", HostileFiles.longCSV(rows: 5_000), .contentTooLarge, "too_many_rows"),
            ("a header and no rows", HostileFiles.emptyCSV(), .unprocessableContent, "no_rows"),
        ]
    }

    @Test(arguments: TestDatabase.available)
    func everyHostileBatchFileIsRefusedAndNothingIsCreated(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let token = try await Self.employerToken(app)
            for hostile in try Self.cases() {
                #expect(hostile.bytes.count < 2_100_000)
                let answer = try await Self.upload(app.client, token, hostile.bytes)
                #expect(answer.status == hostile.status && answer.errorCode == hostile.code, "\(hostile.name): \(answer.status) \(answer.text.prefix(300))")
                #expect(answer.body.readableBytes < 4_096, "\(hostile.name): a refusal is a few sentences")
            }
            let list = try await app.client.execute(uri: "/api/v1/verification-requests", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect((try list.jsonObject()["requests"] as? [Any])?.isEmpty == true, "nothing created")
            // The server is still there, and a good file still goes through.
            let good = try await Self.upload(app.client, token, try HostileFiles.long(rows: 3))
            #expect(good.status == .created, "\(good.text)")
            // A sparse sheet (rows 2 and 1,048,576) is two holders, read as such.
            let sparse = try await Self.upload(app.client, token, try HostileFiles.sparse())
            let count = try sparse.jsonObject()["count"] as? Int
            #expect(sparse.status == .created && count == 2, "\(sparse.text.prefix(300))")
        }
    }

    @Test(arguments: TestDatabase.available)
    func anEmptyBatchSaysWhatIsExpectedInBothLanguages(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let token = try await Self.employerToken(app)
            let en = try await Self.upload(app.client, token, HostileFiles.emptyCSV(), language: "en")
            #expect(en.status == .unprocessableContent && en.errorCode == "no_rows" && en.text.contains("one holder on each row"))
            let zh = try await Self.upload(app.client, token, HostileFiles.emptyCSV(), language: "zh")
            #expect(zh.status == .unprocessableContent && zh.errorCode == "no_rows" && zh.text.contains("文件只有表头，没有持证人"))
            // On the page, in the page's language.
            let employer = try await TestAccounts.employer("Page HR", on: app.store)
            let session = try await app.store.accounts.openSession(for: employer)
            var headers = Multipart.headers(TestForms.headers(session: session))
            headers[.acceptLanguage] = "zh-CN"
            let page = try await app.client.execute(uri: "/requests/batch", method: .post, headers: headers,
                                                    body: Multipart.body(fileName: "holders.csv", bytes: HostileFiles.emptyCSV(), csrf: TestForms.csrf))
            #expect(page.status == .unprocessableContent && page.text.contains("文件只有表头，没有持证人"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func theFormAndTheEditionImportRefuseTheSameFiles(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let employer = try await TestAccounts.employer("Form HR", on: app.store)
            let session = try await app.store.accounts.openSession(for: employer)
            let headers = Multipart.headers(TestForms.headers(session: session))
            for (bytes, status) in [(try HostileFiles.deepSheet(), HTTPResponse.Status.unprocessableContent), (try HostileFiles.amplified(), .contentTooLarge),
                                    (HostileFiles.wideCSV(), .contentTooLarge)] {
                let page = try await app.client.execute(uri: "/requests/batch", method: .post, headers: headers,
                                                        body: Multipart.body(fileName: "holders.xlsx", bytes: bytes, csrf: TestForms.csrf))
                #expect(page.status == status && page.body.readableBytes < 200_000)
            }
            let admin = try await TestAccounts.staff(.admin, on: app.store).0
            let token = try await app.store.accounts.issueToken(for: admin).token
            for (bytes, code) in [(try HostileFiles.deepWorkbook(), "too_deeply_nested"), (try HostileFiles.wide(), "too_many_columns")] {
                let imported = try await app.client.execute(uri: "/api/v1/editions/import?format=xlsx&id=hostile&titleZh=x&titleEn=x", method: .post,
                                                            headers: [.authorization: "Bearer \(token)", .contentType: "application/octet-stream"],
                                                            body: ByteBuffer(bytes: bytes))
                #expect(imported.errorCode == code, "\(imported.text.prefix(300))")
            }
            await #expect(throws: (any Error).self) { try await app.store.editions.edition("hostile") }
        }
    }

    @Test(arguments: TestDatabase.available)
    func fiveHundredBadRowsAreFiftyProblemsAndACountEachEchoingLittle(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let token = try await Self.employerToken(app)
            let long = String(repeating: "Z", count: 900)
            let csv = HostileFiles.csvHeader + "\r\n" + (0..<500).map { "cfa,Holder \($0),\(long),N-\($0),yes\r\n" }.joined()
            let answer = try await Self.upload(app.client, token, Array(csv.utf8), type: "text/csv")
            #expect(answer.status == .unprocessableContent && answer.errorCode == "invalid_rows")
            let body = try answer.jsonObject()
            #expect((body["rows"] as? [Any])?.count == 50 && body["total"] as? Int == 500)
            #expect(answer.body.readableBytes < 20_000, "each echo is cut: \(answer.body.readableBytes) bytes")
            #expect(answer.text.contains("ZZZZ…"))
        }
    }

    /// A hostile upload in flight does not slow an ordinary GET: the same GET's median with
    /// two clients uploading hostile files without pause, against its median without them,
    /// in the same test.
    @Test func aHostileUploadInFlightDoesNotSlowAnOrdinaryGet() async throws {
        try await withOpenApp(.sqlite) { app in
            let token = try await Self.employerToken(app)
            let port = try #require(app.client.port)
            func medianGet(_ client: some TestClientProtocol) async throws -> Double {
                var times: [Double] = []
                for _ in 0..<25 {
                    let start = ContinuousClock.now
                    let answer = try await client.execute(uri: "/api/v1/entries/cfa", method: .get)
                    #expect(answer.status == .ok)
                    times.append(Double((ContinuousClock.now - start).components.attoseconds) / 1e15)
                }
                return times.sorted()[times.count / 2]
            }
            let files = try Self.cases().map(\.bytes)
            let quiet = try await medianGet(app.client)
            let busy = try await withThrowingTaskGroup(of: Void.self) { group in
                let stop = ManagedAtomicFlag()
                for uploader in 0..<2 {
                    group.addTask {
                        try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                            var sent = 0
                            while !stop.isSet {
                                _ = try await client.execute(.init("/api/v1/verification-batches", method: .post,
                                                                   headers: [.authorization: "Bearer \(token)", .contentType: "application/octet-stream"],
                                                                   body: ByteBuffer(bytes: files[(sent + uploader) % files.count])))
                                sent += 1
                            }
                        }
                    }
                }
                try await Task.sleep(for: .milliseconds(100))
                let busy = try await medianGet(app.client)
                stop.set()
                try await group.waitForAll()
                return busy
            }
            #expect(busy <= quiet * 4 + 25, "median GET: \(busy) ms while hostile files were uploaded, \(quiet) ms without")
        }
    }
}

/// A flag set once, read from other tasks.
final class ManagedAtomicFlag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}
