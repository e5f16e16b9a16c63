/// How much of an uploaded spreadsheet is read: every reader of a file (CSV, .xlsx) checks
/// these while it reads, so a wide, deep, long or amplified file is refused at the point it
/// goes past one, in milliseconds, before it can fill memory (issue 42). docs/api.md lists
/// each limit with the status it gives.
public struct SheetLimits: Sendable, Equatable {
    /// Rows below the header; reading stops at the first row past it (413 `too_many_rows`).
    public var rows: Int
    /// Columns read; a cell with something in it past the last is a 413
    /// `too_many_columns`. Empty cells past it, as spreadsheets pad rows, are skipped up to
    /// `paddedColumns`; a row reaching further is refused however empty.
    public var columns: Int
    /// UTF-8 bytes in one cell or shared string (413 `cell_too_long`).
    public var cellBytes: Int

    public init(rows: Int, columns: Int, cellBytes: Int) {
        self.rows = rows
        self.columns = columns
        self.cellBytes = cellBytes
    }

    /// A verification batch: 500 holders; the template has 11 columns.
    public static let batch = SheetLimits(rows: BatchCSV.maxRows, columns: 16, cellBytes: 1024)
    /// A catalog edition: the 2023 catalog has 27 entries and 15 columns; remarks are long.
    public static let catalog = SheetLimits(rows: 500, columns: 24, cellBytes: 16 * 1024)

    /// How far a row may reach with empty cells (column IV).
    public static let paddedColumns = 256

    // The .xlsx format's own parts (XML inside a ZIP), whatever the sheet:
    /// Nesting of a part's XML elements; a worksheet needs 7 (worksheet, sheetData, row, c,
    /// is, r, t). Deeper is a 422 `too_deeply_nested`.
    public static let xmlDepth = 16
    /// Elements in one part (a full 500-row batch is about 20,000). More is a 413 `too_many_elements`.
    public static let xmlElements = 200_000
    /// Bytes of one part once unzipped (a ZIP bomb stops here): 413 `too_large`.
    public static let partBytes = 8 * 1024 * 1024
}

/// A file that goes past one of `SheetLimits`, said where.
public struct SheetTooLarge: DescribedError, Equatable {
    public enum Limit: Sendable, Equatable {
        case rows(Int, atRow: Int)
        case columns(Int, atRow: Int, column: Int)
        case cellBytes(Int, atRow: Int?, column: Int?)
        case depth(Int, part: String)
        case elements(Int, part: String)
        case partBytes(Int, part: String)
    }

    public var limit: Limit

    public init(_ limit: Limit) {
        self.limit = limit
    }

    public var kind: ErrorKind {
        if case .depth = limit { return .invalid }
        return .tooLarge
    }

    public var field: String? { "file" }

    public var code: String {
        switch limit {
        case .rows: "too_many_rows"
        case .columns: "too_many_columns"
        case .cellBytes: "cell_too_long"
        case .depth: "too_deeply_nested"
        case .elements: "too_many_elements"
        case .partBytes: "too_large"
        }
    }

    public var message: BilingualText {
        switch limit {
        case .rows(let limit, let row):
            BilingualText(zh: "一个文件在表头下最多 \(limit) 行；读到第 \(row) 行时已超出，未创建任何内容。",
                          en: "A file may have at most \(limit) rows below its header; row \(row) is past that, so nothing was created.")
        case .columns(let limit, let row, let column):
            BilingualText(zh: "第 \(row) 行延伸到第 \(ColumnName.of(column)) 列，但只读取前 \(limit) 列（A–\(ColumnName.of(limit - 1))）。删除多余的列后再上传。",
                          en: "Row \(row) reaches column \(ColumnName.of(column)), but only the first \(limit) columns (A–\(ColumnName.of(limit - 1))) are read. Delete the extra columns and upload it again.")
        case .cellBytes(let limit, let row, let column):
            BilingualText(zh: "\(Self.place(row, column, .zh))一个单元格最多 \(limit) 字节（UTF-8）。",
                          en: "\(Self.place(row, column, .en))A cell may hold at most \(limit) bytes of text (UTF-8).")
        case .depth(let limit, let part):
            BilingualText(zh: "这个 Excel 文件的 \(part) 嵌套超过 \(limit) 层，不是电子表格应有的结构。",
                          en: "This Excel file's \(part) nests deeper than \(limit) levels, which no spreadsheet needs.")
        case .elements(let limit, let part):
            BilingualText(zh: "这个 Excel 文件的 \(part) 有超过 \(limit) 个元素。",
                          en: "This Excel file's \(part) has more than \(limit) elements.")
        case .partBytes(let limit, let part):
            BilingualText(zh: "这个 Excel 文件的 \(part) 解压后超过 \(limit / 1024 / 1024) MiB。",
                          en: "This Excel file's \(part) is larger than \(limit / 1024 / 1024) MiB once unzipped.")
        }
    }

    private static func place(_ row: Int?, _ column: Int?, _ language: Language) -> String {
        guard let row else { return "" }
        let cell = column.map { ColumnName.of($0) + String(row) }
        switch language {
        case .zh: return cell.map { "单元格 \($0)：" } ?? "第 \(row) 行："
        case .en: return cell.map { "Cell \($0): " } ?? "Row \(row): "
        }
    }
}

/// A column as a spreadsheet names it: 0 → "A", 26 → "AA".
public enum ColumnName {
    public static func of(_ index: Int) -> String {
        var name = "", n = index + 1
        while n > 0 {
            let rest = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + rest))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
