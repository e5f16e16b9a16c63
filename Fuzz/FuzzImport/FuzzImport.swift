import CredenceCore
import CredenceSheets
import FuzzSupport

/// An edition import as an administrator uploads it: JSON, CSV or .xlsx (the first byte
/// chooses how it is read), into a draft's entries or named problems.
func fuzz(_ bytes: [UInt8]) {
    guard let first = bytes.first else { return }
    let rest = Array(bytes.dropFirst())
    guard let content = try? ImportFile.content(first & 1 == 0 ? rest : [0x50, 0x4B, 0x03, 0x04] + rest, sheet: first & 2 == 0) else { return }
    if case .sheet(let sheet) = content { Bounds.check(sheet, .catalog) }
    do {
        _ = try ImportFile.draft(content) { ("fuzz", "tianjin", BilingualText(zh: "模糊", en: "Fuzz")) }
    } catch let rejected as ImportRejected {
        Replay.require(rejected.rows.count <= CatalogCSV.RowError.shownAtMost, "more problems than shown")
    } catch {}
}

@main enum Main {
    static func main() { Replay.run(fuzz) }
}
