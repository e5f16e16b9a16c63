import ArgumentParser
import CredenceApp
import CredenceCore
import CredenceStore
import Logging

/// `credence catalog list|show|search`: the catalog from the database the server uses.
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Read the catalog: list, show one entry, search; export an edition, import a file as a draft.",
        subcommands: [List.self, Show.self, Search.self, ExportCommand.self, ImportCommand.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an edition's entries (the one in force by default).")

        @Option(help: "An edition id, e.g. tianjin-2023.") var edition: String?
        @Option(help: "A field code: \(ProfessionalField.allCases.map(\.rawValue).joined(separator: ", ")).")
        var field: String?
        @OptionGroup var output: FormatOption

        func run() async throws {
            let fieldCode = try field.map { code in
                guard let field = ProfessionalField(rawValue: code) else {
                    throw UserError(message: "--field must be one of \(ProfessionalField.allCases.map(\.rawValue).joined(separator: ", ")); got '\(code)'.")
                }
                return field
            }
            let snapshot = try await loadSnapshot()
            let result = try snapshot.entries(edition: edition, filter: EntryFilter(field: fieldCode))
            try output.emit(EntryListDTO(edition: result.edition, entries: result.entries)) {
                entryTable(result.entries) + "\n\(result.entries.count) entries in \(result.edition.id)."
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one entry.")

        @Argument(help: "The entry id, e.g. cfa.") var id: String
        @Option(help: "An edition id (the one in force by default).") var edition: String?
        @OptionGroup var output: FormatOption

        func run() async throws {
            let snapshot = try await loadSnapshot()
            let entry = try snapshot.catalog.entry(id, edition: edition)
            try output.emit(EntryDTO(entry)) {
                showTable(entry)
            }
        }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Search the edition in force.")

        @Argument(help: "What to look for: an abbreviation, a name in Chinese or English, an issuer, a field.")
        var query: String
        @Option(help: "How many results (1-100).") var limit = SearchLimit.default
        @OptionGroup var output: FormatOption

        func run() async throws {
            guard SearchLimit.range.contains(limit) else {
                throw UserError(message: "--limit must be from 1 to 100; got \(limit).")
            }
            guard !query.trimmingCharacters(in: .whitespaces).isEmpty, query.count <= 200 else {
                throw UserError(message: "The query must be 1 to 200 characters.")
            }
            let snapshot = try await loadSnapshot()
            let (edition, hits) = try snapshot.search(query, limit: limit)
            try output.emit(SearchResultsDTO(query: query, edition: edition, hits: hits)) {
                hits.isEmpty ? "No entry matches '\(query)'." : entryTable(hits.map { $0.entry })
            }
        }
    }
}

private func entryTable(_ entries: [Entry]) -> String {
    TextTable(
        header: ["seq", "id", "name", "region", "fields"],
        rows: entries.map { entry in
            ["\(entry.seq)", entry.id, entry.name.zh, entry.region?.zh ?? "—",
             entry.fields.map(\.rawValue).joined(separator: ",")]
        }
    ).rendered
}

/// Opens the database the server would use (creating and loading it if new), reads the
/// catalog, and closes it again.
func loadSnapshot() async throws -> CatalogSnapshot {
    CatalogSnapshot(catalog: try await withStore { try await $0.loadCatalog() })
}

private func showTable(_ entry: Entry) -> String {
    var rows: [[String]] = []
    rows.append(["id", entry.id])
    rows.append(["edition", entry.edition])
    rows.append(["seq", String(entry.seq)])
    rows.append(["name", entry.name.zh])
    rows.append(["name.en", entry.name.en])
    rows.append(["abbreviations", entry.abbreviations.joined(separator: ", ")])
    rows.append(["region", entry.region.map { "\($0.zh) (\($0.en))" } ?? "—"])
    rows.append(["issuer", "\(entry.issuer.zh) (\(entry.issuer.en))"])
    rows.append(["fields", entry.fields.map(\.rawValue).joined(separator: ", ")])
    rows.append(["remarks", entry.remarks.zh])
    rows.append(["titleLevel", entry.titleLevel?.rawValue ?? "—"])
    rows.append(["minExperienceYears", entry.minExperienceYears.map(String.init) ?? "—"])
    rows.append(["requiresLocalRegistration", String(entry.requiresLocalRegistration)])
    return TextTable(header: ["field", "value"], rows: rows).rendered
}
