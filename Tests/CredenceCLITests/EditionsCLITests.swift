import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import Testing

/// `credence catalog export|import` and `credence edition diff`.
@Suite struct EditionsCLITests {
    @Test(arguments: TestDatabase.available)
    func exportImportAndDiff(database: TestDatabase) async throws {
        try await database.withFreshStore { configuration in
            let store = CredenceStoreEnvironment(configuration)
            try await withTemporaryFolder("export") { folder in
                let csv = folder.appendingPathComponent("2023.csv").path
                #expect(try CLITests.run(["catalog", "export", "--format", "csv", "--output", csv], store: store).status == 0)
                let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
                #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with BOM")
                let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
                #expect(text.hasPrefix("id,seq,name_zh"))
                // Change one remark and drop ITIL, then import as a draft and compare.
                var lines = text.components(separatedBy: "\r\n").filter { !$0.hasPrefix("itil-expert,") }
                lines = lines.map { $0.hasPrefix("cfa,") ? $0.replacingOccurrences(of: "可对应为中级职称。", with: "可对应为中级职称（修订）。") : $0 }
                let changed = folder.appendingPathComponent("2024.csv").path
                try lines.joined(separator: "\r\n").write(toFile: changed, atomically: true, encoding: .utf8)
                let imported = try CLITests.run(["catalog", "import", changed, "--id", "tianjin-2024", "--title-zh", "2024年版", "--title-en", "2024"], store: store)
                #expect(imported.status == 0, "\(imported.stderr)")
                #expect(imported.stdout.contains("Imported 26 entries as draft tianjin-2024"))
                let diff = try CLITests.run(["edition", "diff", "tianjin-2023", "tianjin-2024"], store: store)
                #expect(diff.stdout.contains("0 added, 1 retired, 1 changed"))
                #expect(diff.stdout.contains("- itil-expert") && diff.stdout.contains("~ cfa") && diff.stdout.contains("remarks.zh"))
                let json = try CLITests.run(["edition", "diff", "tianjin-2023", "tianjin-2024", "--format", "json"], store: store)
                let body = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
                #expect((body?["changed"] as? [[String: Any]])?.first?["id"] as? String == "cfa")

                // A bad file: every problem listed, nothing imported, exit 1.
                let bad = folder.appendingPathComponent("bad.csv").path
                try text.replacingOccurrences(of: "cka,20,", with: "cka,twenty,").replacingOccurrences(of: "asa,7,", with: "ASA!,7,")
                    .write(toFile: bad, atomically: true, encoding: .utf8)
                let refused = try CLITests.run(["catalog", "import", bad, "--id", "tianjin-bad", "--title-zh", "坏", "--title-en", "Bad"], store: store)
                #expect(refused.status == 1)
                #expect(refused.stderr.contains("row 21, seq") && refused.stderr.contains("row 8, id"))
                #expect(try CLITests.run(["catalog", "list", "--edition", "tianjin-bad"], store: store).status == 1, "nothing imported")
            }
        }
    }
}
