import Foundation

/// An edition as CSV open data: UTF-8 with a byte-order mark (so spreadsheet software
/// reads the Chinese right), RFC 4180 quoting, one row per entry, lists joined with "|",
/// an empty cell for an absent value.
public enum CatalogCSV {
    public static let columns = [
        "id", "seq", "name_zh", "name_en", "abbreviations", "region_zh", "region_en", "issuer_zh", "issuer_en", "fields",
        "remarks_zh", "remarks_en", "title_level", "min_experience_years", "requires_local_registration",
    ]
    /// Written by every export, optional on import (files made before issue 44 lack them):
    /// search keywords joined with "|", and where each added value came from as a JSON object.
    public static let optionalColumns = ["keywords", "supplementary"]
    static let bom = "\u{FEFF}"

    /// The header and one row per entry, each cell guarded (`guarded`): what the CSV and the
    /// workbook export both hold.
    public static func rows(_ entries: [Entry]) -> [[String]] {
        [columns + optionalColumns] + entries.map { entry in
            [
                entry.id, String(entry.seq), entry.name.zh, entry.name.en, entry.abbreviations.joined(separator: "|"),
                entry.region?.zh ?? "", entry.region?.en ?? "", entry.issuer.zh, entry.issuer.en,
                entry.fields.map(\.rawValue).joined(separator: "|"), entry.remarks.zh, entry.remarks.en,
                entry.titleLevel?.rawValue ?? "", entry.minExperienceYears.map(String.init) ?? "",
                entry.requiresLocalRegistration ? "true" : "false", entry.keywords.joined(separator: "|"),
                entry.supplementary.isEmpty ? "" : String(decoding: (try? CanonicalJSON.data(entry.supplementary)) ?? Data(), as: UTF8.self),
            ].map(guarded)
        }
    }

    public static func export(_ entries: [Entry]) -> String {
        bom + rows(entries).map { $0.map(rfc4180).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A cell as every CSV Credence writes has it: guarded, then RFC 4180 quoting.
    public static func quote(_ cell: String) -> String { rfc4180(guarded(cell)) }

    /// A cell a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
    /// return, after any `'`s) is given a leading `'` (OWASP's advice for CSV injection);
    /// `unquoted` takes exactly that one off, so every value reads back as written.
    static func guarded(_ cell: String) -> String { looksLikeFormula(cell) ? "'" + cell : cell }

    static func looksLikeFormula(_ cell: String) -> Bool {
        cell.drop { $0 == "'" }.first.map(formulaStarts.contains) == true
    }

    static func rfc4180(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A problem with one row of an imported file.
    public struct RowError: Sendable, Equatable, Error {
        /// 1-based, counting the header as row 1 (as a spreadsheet shows it).
        public var row: Int
        public var field: String?
        public var why: String

        /// A refusal lists this many problems, then says how many more there are.
        public static let shownAtMost = 50

        public init(row: Int, field: String?, why: String) {
            self.row = row
            self.field = field
            self.why = why
        }
    }

    /// Every bad row of a file: the first `RowError.shownAtMost`, and how many there were.
    public struct RowErrors: Error, Sendable, Equatable {
        public var rows: [RowError]
        public var total: Int

        public init(rows: [RowError], total: Int? = nil) {
            self.rows = Array(rows.prefix(RowError.shownAtMost))
            self.total = max(total ?? rows.count, self.rows.count)
        }
    }

    /// Reads a file into entries of `edition`, or every problem found; nothing is returned
    /// when any row is bad.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// A cell as read: the `'` that `guarded` put before a formula-like cell taken off again.
    static func unquoted(_ cell: String) -> String {
        cell.first == "'" && looksLikeFormula(cell) ? String(cell.dropFirst()) : cell
    }

    public static func parse(_ text: String, edition: String) throws -> [Entry] {
        try parse(try Sheet.csv(text), edition: edition)
    }

    /// A sheet (CSV, or an Excel workbook's first sheet) into entries of `edition`, or every
    /// problem found, each at its row as the spreadsheet numbers it.
    public static func parse(_ sheet: Sheet, edition: String) throws(RowErrors) -> [Entry] {
        guard let (headerRow, body) = sheet.headerAndBody else { throw RowErrors(rows: [RowError(row: 1, field: nil, why: "the file is empty")]) }
        let header = headerRow.cells
        let missing = columns.filter { !header.contains($0) }
        if !missing.isEmpty {
            throw RowErrors(rows: [RowError(row: headerRow.number, field: nil, why: "missing columns: " + missing.joined(separator: ", "))])
        }
        var entries: [Entry] = []
        var errors: [RowError] = []
        for line in body {
            let (row, cells) = (line.number, line.cells)
            guard cells.count == header.count else {
                errors.append(RowError(row: row, field: nil, why: "\(cells.count) cells, expected \(header.count)"))
                continue
            }
            var value: [String: String] = [:]
            for (name, cell) in zip(header, cells) { value[name] = unquoted(cell) }
            func cell(_ name: String) -> String { value[name] ?? "" }
            func optional(_ name: String) -> String? { cell(name).isEmpty ? nil : cell(name) }
            var rowErrors: [RowError] = []
            let seq = Int(cell("seq"))
            if seq == nil { rowErrors.append(RowError(row: row, field: "seq", why: "not a whole number: \(Echo.quoted(cell("seq")))")) }
            var fields: [ProfessionalField] = []
            for code in cell("fields").split(separator: "|") {
                if let field = ProfessionalField(rawValue: String(code)) { fields.append(field) } else {
                    rowErrors.append(RowError(row: row, field: "fields", why: "unknown field code \(Echo.quoted(code))"))
                }
            }
            let titleLevel = optional("title_level").flatMap(TitleLevel.init)
            if optional("title_level") != nil, titleLevel == nil {
                rowErrors.append(RowError(row: row, field: "title_level", why: "must be empty, intermediate or deputy_senior"))
            }
            let years = optional("min_experience_years").flatMap(Int.init)
            if optional("min_experience_years") != nil, years == nil {
                rowErrors.append(RowError(row: row, field: "min_experience_years", why: "must be empty or a whole number"))
            }
            let registration = cell("requires_local_registration").lowercased()
            if !["true", "false"].contains(registration) {
                rowErrors.append(RowError(row: row, field: "requires_local_registration", why: "must be true or false"))
            }
            let region: BilingualText? = optional("region_zh") == nil && optional("region_en") == nil
                ? nil : BilingualText(zh: cell("region_zh"), en: cell("region_en"))
            var entry = Entry(
                id: cell("id"), edition: edition, seq: seq ?? 0, name: BilingualText(zh: cell("name_zh"), en: cell("name_en")),
                abbreviations: cell("abbreviations").split(separator: "|").map(String.init), region: region,
                issuer: BilingualText(zh: cell("issuer_zh"), en: cell("issuer_en")), fields: fields,
                remarks: BilingualText(zh: cell("remarks_zh"), en: cell("remarks_en")), titleLevel: titleLevel,
                minExperienceYears: years, requiresLocalRegistration: registration == "true",
                keywords: cell("keywords").split(separator: "|").map(String.init), supplementary: [:])
            if let text = optional("supplementary") {
                if let notes = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)) {
                    entry.supplementary = notes
                } else {
                    rowErrors.append(RowError(row: row, field: "supplementary", why: "must be empty or a JSON object of strings, such as {\"name.en\": \"Credence translation\"}"))
                }
            }
            if rowErrors.isEmpty {
                rowErrors += entry.problems().map { RowError(row: row, field: $0.field, why: $0.message.en) }
            }
            if rowErrors.isEmpty { entries.append(entry) } else { errors += rowErrors }
        }
        errors += duplicates(entries, rowOf: { id in body.first { $0.cells.first == id }?.number ?? 0 })
        guard errors.isEmpty else { throw RowErrors(rows: errors) }
        return entries
    }

    /// Ids and seqs must be unique within an edition.
    public static func duplicates(_ entries: [Entry], rowOf: (String) -> Int) -> [RowError] {
        var errors: [RowError] = []
        var ids = Set<String>(), seqs = Set<Int>()
        for entry in entries {
            if !ids.insert(entry.id).inserted { errors.append(RowError(row: rowOf(entry.id), field: "id", why: "\(Echo.quoted(entry.id)) appears twice")) }
            if !seqs.insert(entry.seq).inserted { errors.append(RowError(row: rowOf(entry.id), field: "seq", why: "\(entry.seq) appears twice")) }
        }
        return errors
    }
}
