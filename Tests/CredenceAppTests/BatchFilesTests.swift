import CredenceApp
import CredenceCore
import CredenceSheets
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import ZIPFoundation

/// Issue 36: the files HR really has. The same 20 holders as CSV in UTF-8, UTF-8 with a
/// byte-order mark, GB18030 (Excel's "CSV" on a Chinese Windows) and an .xlsx written by
/// openpyxl (`scripts/make_batch_fixtures.py`) make the same 20 requests; in each format's
/// bad twin the bad row is named by Excel's row number and the file's own header; a file of
/// another kind is a 415 naming what is accepted.
@Suite struct BatchFilesTests {
    static let formats = ["utf8.csv", "bom.csv", "gb18030.csv", "xlsx"]

    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return [UInt8](try Data(contentsOf: url))
    }

    /// A workbook whose sheet inflates to 40 MB while its ZIP headers say 100 bytes.
    static func lyingWorkbook() throws -> Archive {
        let archive = try Archive(data: Data(), accessMode: .create)
        let huge = Data(("<worksheet><sheetData>" + String(repeating: " ", count: 40_000_000) + "</sheetData></worksheet>").utf8)
        for (path, data) in [("xl/workbook.xml", Data(#"<workbook><sheets><sheet name="x" r:id="rId1"/></sheets></workbook>"#.utf8)),
                             ("xl/_rels/workbook.xml.rels", Data(#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
                             ("xl/worksheets/sheet1.xml", huge)] {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
        var bytes = try #require(archive.data)
        // The sheet's uncompressed size: offset 22 in its local header, 24 in its central directory entry.
        let name = Data("xl/worksheets/sheet1.xml".utf8)
        var from = bytes.startIndex
        while let found = bytes.range(of: name, in: from..<bytes.endIndex) {
            let local = found.lowerBound - 30, central = found.lowerBound - 46
            if local >= 0, bytes[local..<local + 4] == Data([0x50, 0x4B, 0x03, 0x04]) { bytes.replaceSubrange(local + 22..<local + 26, with: [100, 0, 0, 0]) }
            if central >= 0, bytes[central..<central + 4] == Data([0x50, 0x4B, 0x01, 0x02]) { bytes.replaceSubrange(central + 24..<central + 28, with: [100, 0, 0, 0]) }
            from = found.upperBound
        }
        return try Archive(data: bytes, accessMode: .read)
    }

    func upload(_ app: OpenApp, _ token: String, _ bytes: [UInt8], type: String = "application/octet-stream") async throws -> TestResponse {
        try await app.client.execute(uri: "/api/v1/verification-batches?lang=zh", method: .post,
                                     headers: [.authorization: "Bearer \(token)", .contentType: type], body: ByteBuffer(bytes: bytes))
    }

    /// What a request says of the holder's row, in file order.
    func rows(of batch: [String: Any]) -> [String] {
        ((batch["requests"] as? [[String: Any]]) ?? []).map { request in
            let holder = request["holder"] as? [String: Any] ?? [:]
            return [request["entryId"], holder["name"], holder["nationality"], holder["dateOfBirth"], holder["passportNumber"],
                    request["certificateNumber"], request["issuedOn"], request["expiresOn"], request["note"]]
                .map { ($0 as? String) ?? "-" }.joined(separator: "|")
        }
    }

    @Test(arguments: TestDatabase.available)
    func everyFormatGivesTheSameTwentyRequestsAndNamesTheSameBadRow(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            var made: [[String]] = []
            for format in Self.formats {
                let employer = try await TestAccounts.employer("HR \(format)", on: app.store)
                let token = try await app.store.accounts.issueToken(for: employer).token

                let bad = try await upload(app, token, try Self.fixture("batch-20-bad.\(format)"))
                #expect(bad.status == .unprocessableContent, "\(format)")
                let problems = try #require(try bad.jsonObject()["rows"] as? [[String: Any]])
                #expect(problems.map { "\($0["row"] as? Int ?? 0) \($0["field"] as? String ?? "")" } == ["12 国籍（两位字母代码）"], "\(format)")

                let answer = try await upload(app, token, try Self.fixture("batch-20.\(format)"))
                #expect(answer.status == .created, "\(format): \(String(buffer: answer.body))")
                let id = try #require(try answer.jsonObject()["id"] as? String)
                let batch = try await app.client.execute(uri: "/api/v1/verification-batches/\(id)", method: .get,
                                                         headers: [.authorization: "Bearer \(token)"]).jsonObject()
                made.append(rows(of: batch))
            }
            #expect(made[0].count == 20)
            #expect(made[0][0] == "cfa|持证人1 Holder 1|GB|1980-01-01|-|证-2024000|2015-06-10|2030-01-01|备注：第一批")
            #expect(made[0][2].hasPrefix("cfa|"), "a seq names its entry")
            #expect(made[0][5].contains("|880005|"), "a certificate number Excel stored as a number")
            for (format, requests) in zip(Self.formats, made) { #expect(requests == made[0], "\(format)") }
        }
    }

    @Test(arguments: TestDatabase.available)
    func otherFilesAreRefusedNamingWhatIsAccepted(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let employer = try await TestAccounts.employer("HR", on: app.store)
            let token = try await app.store.accounts.issueToken(for: employer).token
            let xls: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
            let pdf = Array("%PDF-1.7\n1 0 obj\n".utf8)
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
            for (bytes, what) in [(xls, ".xls"), (pdf, "PDF"), (png, "图片")] {
                let answer = try await upload(app, token, bytes)
                #expect(answer.status == .unsupportedMediaType, "\(what)")
                let error = try #require(try answer.jsonObject()["error"] as? [String: Any])
                #expect(error["code"] as? String == "unsupported_file" && error["field"] as? String == "file")
                #expect((error["message"] as? String)?.contains(".xlsx") == true && (error["message"] as? String)?.contains("GB18030") == true)
            }
            // Not a workbook, though it starts as a ZIP file; a workbook cut short; a workbook whose XML is broken.
            let zip = try XLSXWriter.workbook([]).prefix(4) + [UInt8](repeating: 1, count: 40)
            #expect(try await upload(app, token, Array(zip)).status == .unsupportedMediaType)
            let good = try Self.fixture("batch-20.xlsx")
            #expect(try await upload(app, token, Array(good.prefix(good.count / 2))).status == .unsupportedMediaType)
            let broken = try Archive(data: Data(), accessMode: .create)
            for (path, text) in [("xl/workbook.xml", "<workbook><sheets><sheet name=\"x\" r:id=\"rId1\"/></sheets></workbook>"),
                                 ("xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
                                 ("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")] {
                let data = Data(text.utf8)
                try broken.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                    data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
                }
            }
            let refused = try await upload(app, token, Array(try #require(broken.data)))
            #expect(refused.status == .unsupportedMediaType, "\(String(buffer: refused.body))")
            // A ZIP bomb whose headers lie about its size: 40 MB of XML in 40 kB, declared as 100 bytes.
            let bomb = try #require(try Self.lyingWorkbook().data)
            #expect(bomb.count < BatchCSV.maxBytes)
            let exploded = try await upload(app, token, Array(bomb))
            #expect(exploded.status == .contentTooLarge && exploded.errorCode == "too_large")
            let list = try await app.client.execute(uri: "/api/v1/verification-requests", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect((try list.jsonObject()["requests"] as? [Any])?.isEmpty == true, "nothing created")
        }
    }

    @Test func theTemplateIsAWorkbookWithTheCodesOnASecondSheet() async throws {
        try await withOpenApp(.sqlite) { app in
            for (lang, header) in [("zh", "持证人姓名"), ("en", "holder name")] {
                let answer = try await app.client.execute(uri: "/api/v1/verification-batches/template?lang=\(lang)&format=xlsx", method: .get)
                #expect(answer.status == .ok && answer.headers[.contentType] == XLSXWriter.mediaType)
                let sheet = try SpreadsheetFile.sheet(Array(buffer: answer.body), limits: .batch)
                #expect(sheet.rows.first?.cells == BatchCSV.templateRows(lang == "zh" ? .zh : .en)[0] && sheet.rows[0].cells[1] == header)
                #expect(sheet.rows.count == 2, "headers and the example")
            }
            #expect(try await app.client.execute(uri: "/api/v1/verification-batches/template?format=xls", method: .get).status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anEditionImportsFromAWorkbook(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let admin = try await TestAccounts.staff(.admin, on: app.store).0
            let token = try await app.store.accounts.issueToken(for: admin).token
            let catalog = try await app.store.loadCatalog()
            let entries = try #require(catalog.entries(of: try catalog.resolveEdition(nil).id))
            let rows = try Sheet.csv(CatalogCSV.export(entries)).rows.map(\.cells)
            let workbook = try XLSXWriter.workbook([XLSXWriter.Sheet(name: "Catalog", rows: rows)])
            let answer = try await app.client.execute(
                uri: "/api/v1/editions/import?id=copy-xlsx&titleZh=%E5%89%AF%E6%9C%AC&titleEn=Copy", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: XLSXWriter.mediaType], body: ByteBuffer(bytes: workbook))
            #expect(answer.status == .created, "\(String(buffer: answer.body))")
            #expect(try answer.jsonObject()["entryCount"] as? Int == entries.count)
            let pdf = try await app.client.execute(uri: "/api/v1/editions/import?format=csv&id=x&titleZh=x&titleEn=x", method: .post,
                                                   headers: [.authorization: "Bearer \(token)", .contentType: "text/csv"],
                                                   body: ByteBuffer(string: "%PDF-1.4"))
            #expect(pdf.status == .unsupportedMediaType)
        }
    }

    @Test func thePagesTakeTheWorkbookAndRefuseAPDFOnTheForm() async throws {
        try await withOpenApp(.sqlite) { app in
            let employer = try await TestAccounts.employer("HR", on: app.store)
            let session = try await app.store.accounts.openSession(for: employer)
            let headers = Multipart.headers(TestForms.headers(session: session))
            let made = try await app.client.execute(uri: "/requests/batch", method: .post, headers: headers,
                                                    body: Multipart.body(fileName: "holders.xlsx", bytes: try Self.fixture("batch-20.xlsx"), csrf: TestForms.csrf))
            #expect(made.status == .seeOther && made.headers[.location]?.hasPrefix("/batches/") == true)
            let bad = try await app.client.execute(uri: "/requests/batch", method: .post, headers: headers,
                                                   body: Multipart.body(fileName: "holders.csv", bytes: try Self.fixture("batch-20-bad.gb18030.csv"), csrf: TestForms.csrf))
            #expect(bad.status == .unprocessableContent && String(buffer: bad.body).contains("第 12 行 · 国籍（两位字母代码）"))
            let pdf = try await app.client.execute(uri: "/requests/batch", method: .post, headers: headers,
                                                   body: Multipart.body(fileName: "list.pdf", bytes: Array("%PDF-1.7".utf8), csrf: TestForms.csrf))
            #expect(pdf.status == .unsupportedMediaType && String(buffer: pdf.body).contains("GB18030"))

            let admin = try await TestAccounts.staff(.admin, on: app.store).0
            let adminSession = try await app.store.accounts.openSession(for: admin)
            let xls: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100)
            let refused = try await app.client.execute(
                uri: "/admin/editions/import", method: .post, headers: Multipart.headers(TestForms.headers(session: adminSession)),
                body: Multipart.body(fileName: "catalog.xls", bytes: xls, csrf: TestForms.csrf, fields: [("id", "x"), ("title.zh", "x"), ("title.en", "x")]))
            #expect(refused.status == .unsupportedMediaType && String(buffer: refused.body).contains(".xls"))
        }
    }
}
