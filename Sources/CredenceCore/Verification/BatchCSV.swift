import Foundation

/// A list of holders to verify at once, as a spreadsheet holds it (a `Sheet`, read from CSV
/// or .xlsx by `CredenceSheets`): headers in Chinese or English, one row per holder. Every row is checked as a single submission is; any bad row refuses the
/// whole file, naming every bad row.
public enum BatchCSV {
    public static let maxRows = 500
    public static let maxBytes = 2 * 1024 * 1024

    /// Each column: its key (the draft's field it fills) and its header in each language.
    public struct Column: Sendable {
        public var field: String
        public var header: BilingualText

        init(_ field: CommandField, header: BilingualText) {
            self.field = field.name
            self.header = header
        }
    }

    /// The draft's fields a sheet carries, in order, each under its header.
    public static let columns: [Column] = VerificationDraft.Fields.all.compactMap { field in
        field.sheetHeader.map { Column(field, header: $0) }
    }

    /// The template's rows: headers in `language`, one example row.
    public static func templateRows(_ language: Language) -> [[String]] {
        let example = language == .zh
            ? ["cfa", "Jane Smith", "GB", "1990-04-01", "", "CFA-123456", "2020-08-15", "", "", "是", ""]
            : ["cfa", "Jane Smith", "GB", "1990-04-01", "", "CFA-123456", "2020-08-15", "", "", "yes", ""]
        return [columns.map { $0.header.text(in: language) }, example]
    }

    /// The template as CSV (BOM, CRLF).
    public static func template(_ language: Language) -> String {
        CatalogCSV.bom + templateRows(language).map { $0.map(CatalogCSV.quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public typealias RowError = CatalogCSV.RowError

    public struct Refused: Error, Sendable, Equatable {
        /// The first `RowError.shownAtMost` problems.
        public var rows: [RowError]
        /// How many problems there were in all.
        public var total: Int
        /// Past the row limit (413 rather than 422).
        public var tooMany = false

        public init(rows: [RowError], total: Int? = nil, tooMany: Bool = false) {
            self.rows = Array(rows.prefix(RowError.shownAtMost))
            self.total = max(total ?? rows.count, self.rows.count)
            self.tooMany = tooMany
        }
    }

    /// A file with a header and no holder under it (422 `no_rows`).
    public struct NoRows: DescribedError, Equatable {
        public init() {}
        public var kind: ErrorKind { .invalid }
        public var code: String { "no_rows" }
        public var field: String? { "file" }
        public var message: BilingualText {
            BilingualText(zh: "文件只有表头，没有持证人。请在表头下每行填写一位持证人（职业资格、持证人姓名、国籍、证书编号、持证人已同意），再上传。",
                          en: "The file has a header but no holders. Put one holder on each row below the header (entry, holder name, nationality, certificate number, holder consent) and upload it again.")
        }
    }

    /// The drafts, validated, in file order; or every bad row. `entries` are the edition in
    /// force (a row may name an entry by id or by its seq); `open` are the (entry, certificate
    /// number) pairs the employer already has open — a row repeating one is bad.
    /// A row as a command's field source: each column's cell by the field it fills; a yes in
    /// either language (yes, y, true, 是, 1) for a flag.
    struct RowFields: FieldSource {
        let cell: (String) -> String

        func text(_ field: CommandField) -> String? { cell(field.name) }
        func flag(_ field: CommandField) -> Bool? { ["yes", "y", "true", "是", "1"].contains(cell(field.name).lowercased()) }
    }

    public static func parse(_ sheet: Sheet, entries: [Entry], open: Set<[String]>, today: CalendarDate,
                             language: Language) throws -> [VerificationDraft] {
        guard let (headerRow, body) = sheet.headerAndBody else {
            throw Refused(rows: [RowError(row: 1, field: nil, why: language == .zh ? "文件是空的。" : "The file is empty.")])
        }
        // Headers in either language (matched without case or surrounding spaces).
        func key(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces).lowercased() }
        var position: [String: Int] = [:]
        for (index, name) in headerRow.cells.enumerated() {
            if let column = columns.first(where: { key($0.header.zh) == key(name) || key($0.header.en) == key(name) || key($0.field) == key(name) }) {
                position[column.field] = index
            }
        }
        let missing = columns.filter { position[$0.field] == nil && ["entryId", "holder.name", "holder.nationality", "certificateNumber", "holderConsent"].contains($0.field) }
        guard missing.isEmpty else {
            throw Refused(rows: [RowError(row: headerRow.number, field: nil, why: (language == .zh ? "缺少列：" : "Missing columns: ")
                                          + missing.map { $0.header.text(in: language) }.joined(separator: language == .zh ? "、" : ", "))])
        }
        guard !body.isEmpty else { throw NoRows() }
        guard body.count <= maxRows else {
            throw Refused(rows: [RowError(row: body[maxRows].number, field: nil, why: language == .zh
                ? "一个文件最多 \(maxRows) 行（本文件 \(body.count) 行）。" : "A file may have at most \(maxRows) rows (this one has \(body.count)).")],
                          tooMany: true)
        }
        let byID = Set(entries.map(\.id))
        let bySeq = Dictionary(entries.map { (String($0.seq), $0.id) }, uniquingKeysWith: { first, _ in first })
        var drafts: [VerificationDraft] = []
        var errors: [RowError] = []
        var seen = open
        for line in body {
            let (row, cells) = (line.number, line.cells)
            func cell(_ field: String) -> String {
                guard let index = position[field], index < cells.count else { return "" }
                return CatalogCSV.unquoted(cells[index]).trimmingCharacters(in: .whitespaces)
            }
            // A column is named as the file names it (its own header), else in the reader's language.
            func header(_ field: String?) -> String? {
                if let index = field.flatMap({ position[$0] }) { return headerRow.cells[index].trimmingCharacters(in: .whitespaces) }
                return columns.first { $0.field == field }?.header.text(in: language)
            }
            do {
                var draft = try VerificationDraft(RowFields(cell: cell))
                // An entry by its id, or by its seq in the edition in force.
                draft.entryId = byID.contains(draft.entryId) ? draft.entryId : bySeq[draft.entryId] ?? draft.entryId
                let clean = try draft.validated(entries: byID, today: today)
                guard seen.insert([clean.entryId, clean.certificateNumber]).inserted else {
                    errors.append(RowError(row: row, field: header("certificateNumber"), why: language == .zh
                        ? "已有同一资格、同一证书编号的未完成申请（或在本文件中重复）。"
                        : "An open request for the same entry and certificate number exists already (or the file repeats it)."))
                    continue
                }
                drafts.append(clean)
            } catch let error as InvalidInput {
                errors += error.problems.map { RowError(row: row, field: header($0.field), why: $0.message.text(in: language)) }
            } catch VerificationError.invalid(let problems) {
                errors += problems.map { RowError(row: row, field: header($0.field), why: $0.message.text(in: language)) }
            }
        }
        guard errors.isEmpty else { throw Refused(rows: errors) }
        return drafts
    }

    /// The batch's results as a spreadsheet opens them (BOM, RFC 4180, formula-safe cells).
    public static func export(_ requests: [VerificationRequest], language: Language) -> String {
        let headers = language == .zh
            ? ["申请编号", "职业资格", "持证人姓名", "证书编号", "状态", "结果", "提交时间", "预计完成日期", "完成时间", "查验码"]
            : ["request id", "entry", "holder name", "certificate number", "status", "outcome", "submitted at", "estimated completion", "completed at", "verification code"]
        let rows = requests.map { request in
            [request.id.uuidString.lowercased(), request.entryId, request.holderName, request.certificateNumber, request.status.rawValue,
             request.outcome?.rawValue ?? "", Timestamps.rfc3339(request.createdAt), request.estimatedCompletionOn ?? "",
             request.completedAt.map(Timestamps.rfc3339) ?? "", request.verificationCode ?? ""]
        }
        return CatalogCSV.bom + ([headers] + rows).map { $0.map(CatalogCSV.quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
