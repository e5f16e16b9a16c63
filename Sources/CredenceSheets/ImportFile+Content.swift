import CredenceCore

extension ImportFile {
    /// An uploaded catalog file as an import reads it: JSON as text, or the sheet a CSV or
    /// .xlsx file holds — a sheet when `sheet` says so (its name, its type) or when the bytes
    /// are a workbook whatever the file is called. A CSV whose quotes do not close is refused
    /// naming the row (`ImportRejected`); a file of another kind (a PDF, .xls, an image: JSON
    /// is text too) is `SpreadsheetFile.Unsupported`.
    public static func content(_ bytes: [UInt8], sheet: Bool) throws -> Content {
        let kind = SpreadsheetFile.kind(of: bytes)
        if case .unsupported(let found) = kind { throw SpreadsheetFile.Unsupported(found: found) }
        guard sheet || kind == .xlsx else { return .json(String(decoding: bytes, as: UTF8.self)) }
        do {
            return .sheet(try SpreadsheetFile.sheet(bytes, limits: .catalog))
        } catch let error as CatalogCSV.RowErrors {
            throw ImportRejected(rows: error.rows, total: error.total)
        }
    }
}
