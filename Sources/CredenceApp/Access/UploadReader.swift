import CredenceCore
import CredenceSheets
import NIOPosix

/// Where uploaded files are read: on one thread of their own, never on the event loops or
/// the concurrency pool that answer everyone else. Each reader is bounded (`SheetLimits`),
/// so a file is read or refused in milliseconds; the one thread also means that many
/// uploads at once wait for each other, not the ordinary requests (two 200 KB CSV files
/// once made a GET take 41 s instead of 0.01 s: issue 42).
struct UploadReader: Sendable {
    let pool: NIOThreadPool

    /// One thread for the process, started on first use; it lives as long as the process.
    static let shared: UploadReader = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return UploadReader(pool: pool)
    }()

    /// A batch file as a sheet (CSV in UTF-8 or GB18030, or .xlsx).
    func batchSheet(_ bytes: [UInt8]) async throws -> Sheet {
        try await pool.runIfActive {
            do {
                return try SpreadsheetFile.sheet(bytes, limits: .batch)
            } catch let error as CatalogCSV.RowErrors {
                throw BatchCSV.Refused(rows: error.rows, total: error.total)
            }
        }
    }

    /// A catalog file as an import reads it (`ImportFile.content`).
    func importContent(_ bytes: [UInt8], sheet: Bool) async throws -> ImportFile.Content {
        try await pool.runIfActive { try ImportFile.content(bytes, sheet: sheet) }
    }
}
