import Foundation

/// Catalog import, for the API, the pages and the CLI alike: a JSON file (read strictly) or a
/// sheet (CSV or an Excel workbook, read by `CredenceSheets`) becomes a validated draft's
/// entries, or every bad row at once (`ImportRejected`).
public enum ImportFile {
    /// A draft as a file gives it: its edition's id, jurisdiction and title, and its entries.
    public typealias Draft = (id: String, jurisdiction: String, title: BilingualText, entries: [Entry])

    /// What was uploaded: the JSON export's text, or a table.
    public enum Content: Sendable {
        case json(String)
        case sheet(Sheet)
    }

    /// JSON carries its edition; a sheet does not, so `sheetEdition` names it (and may
    /// refuse when the caller was not told one). `id`, when given, is the new draft's id
    /// whatever the JSON file says (a copy of an edition under another id).
    public static func draft(_ content: Content, id: String? = nil,
                             sheetEdition: () throws -> (id: String, jurisdiction: String, title: BilingualText)) throws -> Draft {
        switch content {
        case .json(let text):
            var draft = try json(text)
            if let id, !id.isEmpty {
                draft.id = id
                draft.entries = draft.entries.map { entry in
                    var entry = entry
                    entry.edition = id
                    return entry
                }
            }
            return draft
        case .sheet(let sheet):
            let edition = try sheetEdition()
            return (edition.id, edition.jurisdiction, edition.title, try self.sheet(sheet, edition: edition.id))
        }
    }

    /// What a file's name says: `.csv` and `.xlsx` are sheets, anything else JSON.
    public static func isSheet(fileName: String) -> Bool {
        let name = fileName.lowercased()
        return name.hasSuffix(".csv") || name.hasSuffix(".xlsx")
    }

    public static func json(_ text: String) throws -> Draft {
        let file: ExportedFile
        do {
            file = try StrictJSON.decode(ExportedFile.self, from: Array(text.utf8))
        } catch let error as StrictJSON.ParseError {
            throw ImportRejected(rows: [.init(row: 0, field: nil, why: "not strict JSON: \(error)")])
        } catch let DecodingError.keyNotFound(key, context) {
            throw ImportRejected(rows: [.init(row: Self.row(context.codingPath), field: key.stringValue, why: "missing")])
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context), let DecodingError.dataCorrupted(context) {
            throw ImportRejected(rows: [.init(row: Self.row(context.codingPath), field: context.codingPath.last?.stringValue,
                                              why: context.debugDescription)])
        } catch {
            throw ImportRejected(rows: [.init(row: 0, field: nil, why: "not a catalog JSON file: \(error)")])
        }
        var problems: [CatalogCSV.RowError] = []
        for (index, entry) in file.entries.enumerated() {
            problems += entry.problems().map { .init(row: index + 1, field: $0.field, why: $0.message.en) }
        }
        problems += CatalogCSV.duplicates(file.entries) { id in (file.entries.firstIndex { $0.id == id } ?? 0) + 1 }
        guard problems.isEmpty else { throw ImportRejected(rows: problems) }
        return (file.edition.id, file.edition.jurisdiction, file.edition.title, file.entries)
    }

    public static func csv(_ text: String, edition: String) throws -> [Entry] {
        do {
            return try sheet(try Sheet.csv(text), edition: edition)
        } catch let error as CatalogCSV.RowErrors {
            throw ImportRejected(rows: error.rows, total: error.total)
        }
    }

    public static func sheet(_ sheet: Sheet, edition: String) throws -> [Entry] {
        do {
            return try CatalogCSV.parse(sheet, edition: edition)
        } catch {
            throw ImportRejected(rows: error.rows, total: error.total)
        }
    }

    /// A file as the JSON export writes it (or as Credence ships its data): of its edition only
    /// what names the new draft is read — its status, dates and sign-off belong to the edition
    /// it came from, and a draft earns its own (issue 44: a signed-off edition's export was refused).
    struct ExportedFile: Decodable {
        struct Header: Decodable {
            var id: String
            var jurisdiction: String
            var title: BilingualText
        }

        var edition: Header
        var entries: [Entry]

        private enum CodingKeys: String, CodingKey { case edition, entries }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            edition = try container.decode(Header.self, forKey: .edition)
            let id = edition.id
            entries = try container.decode([Entry].self, forKey: .entries).map { entry in
                var entry = entry
                entry.edition = id
                return entry
            }
        }
    }

    /// entries[3] → row 4 (1-based).
    static func row(_ path: [any CodingKey]) -> Int {
        guard let index = path.first(where: { $0.intValue != nil })?.intValue else { return 0 }
        return index + 1
    }
}

/// An import refused because of its rows: 422 with every row's problem.
public struct ImportRejected: Error {
    /// The first `RowError.shownAtMost` problems.
    public var rows: [CatalogCSV.RowError]
    /// How many problems there were in all.
    public var total: Int
    /// What the refusal says above its rows (by default, that nothing was imported).
    public var message: String?

    public init(rows: [CatalogCSV.RowError], total: Int? = nil, message: String? = nil) {
        self.rows = Array(rows.prefix(CatalogCSV.RowError.shownAtMost))
        self.total = max(total ?? rows.count, self.rows.count)
        self.message = message
    }
}
