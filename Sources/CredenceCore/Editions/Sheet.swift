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

    /// CSV text (RFC 4180; a byte-order mark is dropped); record n is row n.
    public static func csv(_ text: String) throws(CatalogCSV.RowErrors) -> Sheet {
        var body = text
        if body.hasPrefix(CatalogCSV.bom) { body.removeFirst() }
        do {
            return Sheet(rows: try CatalogCSV.records(body).enumerated().map { Row(number: $0.offset + 1, cells: $0.element) })
        } catch let error as CatalogCSV.RowError {
            throw CatalogCSV.RowErrors(rows: [error])
        } catch {
            throw CatalogCSV.RowErrors(rows: [CatalogCSV.RowError(row: 1, field: nil, why: "\(error)")])
        }
    }

    /// The first row that is not blank (the header), and the rows after it that are not blank.
    public var headerAndBody: (header: Row, body: [Row])? {
        guard let first = rows.firstIndex(where: { !$0.isBlank }) else { return nil }
        return (rows[first], rows[(first + 1)...].filter { !$0.isBlank })
    }
}
