import CredenceCore

/// What a sheet read within limits must be, whatever the file was.
public enum Bounds {
    public static func check(_ sheet: Sheet, _ limits: SheetLimits) {
        Replay.require(sheet.rows.count <= limits.rows + 1, "more rows than the limit: \(sheet.rows.count)")
        for row in sheet.rows {
            Replay.require(row.cells.count <= limits.columns, "a row wider than the limit: \(row.cells.count)")
            Replay.require(row.cells.allSatisfy { $0.utf8.count <= limits.cellBytes }, "a cell longer than the limit")
        }
    }
}

/// The 2023 edition's entries, read once, for the batch rules.
public enum Catalog2023 {
    public static let entries: [Entry] = (try? BundledData.tianjin2023().entries) ?? []
}
