/// A table as a spreadsheet shows it: rows numbered as the spreadsheet numbers them (the
/// header is row 1; an empty row keeps its number), each row's cells left to right. A CSV
/// file, an Excel workbook's first sheet — whatever file it came from (`CredenceSheets`
/// reads them), batches and catalog imports read this.
public struct Sheet: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// As the spreadsheet shows it, 1-based.
        public var number: Int
        public var cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }

        /// No cell holds anything but spaces.
        public var isBlank: Bool { cells.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\t" } } }
    }

    public var rows: [Row]

    public init(rows: [Row]) {
        self.rows = rows
    }

    /// CSV text (RFC 4180; a byte-order mark is dropped); record n is row n; rows with
    /// nothing in them are left out (their numbers are not reused). Refused past `limits`
    /// (`SheetTooLarge`), or when a quoted cell does not close (`CatalogCSV.RowErrors`).
    public static func csv(_ text: String, limits: SheetLimits = .catalog) throws -> Sheet {
        try CSVRecords.sheet(text, limits: limits)
    }

    /// The first row that is not blank (the header), and the rows after it that are not blank.
    public var headerAndBody: (header: Row, body: [Row])? {
        guard let first = rows.firstIndex(where: { !$0.isBlank }) else { return nil }
        return (rows[first], rows[(first + 1)...].filter { !$0.isBlank })
    }
}
