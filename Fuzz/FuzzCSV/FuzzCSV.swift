import CredenceCore
import CredenceSheets
import FuzzSupport

/// The CSV reader (UTF-8 with or without its BOM, GB18030) and the batch rules after it: a
/// sheet within the limits, then drafts or named row errors — never a crash.
func fuzz(_ bytes: [UInt8]) {
    guard let sheet = try? SpreadsheetFile.sheet(bytes, limits: .batch) else { return }
    Bounds.check(sheet, .batch)
    do {
        let drafts = try BatchCSV.parse(sheet, entries: Catalog2023.entries, open: [], today: CalendarDate(year: 2026, month: 12, day: 6)!, language: .en)
        Replay.require(drafts.count <= BatchCSV.maxRows, "more drafts than rows allowed")
    } catch let refused as BatchCSV.Refused {
        Replay.require(refused.rows.count <= CatalogCSV.RowError.shownAtMost, "more row errors than shown")
        Replay.require(refused.rows.allSatisfy { $0.why.count < 1_000 }, "a row error that echoes too much")
    } catch {}
}

@main enum Main {
    static func main() { Replay.run(fuzz) }
}
