import CredenceCore
import CredenceSheets
import Hummingbird
import NIOCore

/// The batch template as an Excel workbook: the holders' sheet with the headers in the
/// reader's language and an example row (numbers and codes kept as text, dates left for
/// Excel to read as dates), and the nationality codes with their names as a second sheet,
/// which the nationality column offers as a list.
enum BatchTemplate {
    static func xlsx(_ language: Language) throws -> Response {
        let codes = CountryNames.sorted(language)
        let codesSheet = language == .zh ? "国籍代码" : "Nationality codes"
        let rows = BatchCSV.templateRows(language)
        let nationality = BatchCSV.columns.firstIndex { $0.field == "holder.nationality" } ?? 2
        let dates: Set<String> = ["holder.dateOfBirth", "issuedOn", "expiresOn"]
        let text = Set(BatchCSV.columns.indices.filter { !dates.contains(BatchCSV.columns[$0].field) })
        let holders = XLSXWriter.Sheet(
            name: language == .zh ? "持证人" : "Holders", rows: rows, widths: rows[0].map { max(14, $0.count + 4) }, textColumns: text,
            list: (column: nationality, sheet: codesSheet, count: codes.count, rows: BatchCSV.maxRows))
        let list = XLSXWriter.Sheet(name: codesSheet, rows: [language == .zh ? ["代码", "国家或地区"] : ["code", "country or region"]]
                                        + codes.map { [$0.code, $0.name] }, widths: [8, 36], textColumns: [0, 1])
        let bytes = try XLSXWriter.workbook([holders, list])
        return Response(status: .ok, headers: [.contentType: XLSXWriter.mediaType,
                                               .contentDisposition: "attachment; filename=\"verification-batch-template-\(language.rawValue).xlsx\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
