import ArgumentParser
import CredenceApp
import CredenceCore
import CredenceSheets
import CredenceStore
import Foundation
import Logging

/// `credence edition diff A B`: how the catalog changed between two editions.
struct EditionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edition", abstract: "Compare editions.", subcommands: [Diff.self])

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Entries added, retired (with the reason) and changed (field by field) from A to B.")
        @Argument(help: "The earlier edition, e.g. tianjin-2023.") var from: String
        @Argument(help: "The later edition.") var to: String
        @OptionGroup var output: FormatOption

        func run() async throws {
            let diff: EditionDiff = try await withStore { store in
                let catalog = try await store.loadCatalog()
                let old = try CatalogSnapshot(catalog: catalog).entries(edition: from).entries
                let new = try CatalogSnapshot(catalog: catalog).entries(edition: to).entries
                return EditionDiff(from: from, to: to, old: old, new: new, retirements: try await store.editions.retirements(in: to))
            }
            try output.emit(DiffDTO(diff)) {
                var lines = ["\(from) → \(to): \(diff.added.count) added, \(diff.retired.count) retired, \(diff.changed.count) changed"]
                lines += diff.added.map { "+ \($0.id)  \($0.name.zh)" }
                lines += diff.retired.map { "- \($0.entry.id)  \($0.entry.name.zh)  (\($0.reason?.rawValue ?? "no reason recorded")\($0.note.map { ": " + $0 } ?? ""))" }
                for change in diff.changed {
                    lines.append("~ \(change.id)")
                    lines += change.changes.map { "    \($0.field): \(Self.show($0.from)) → \(Self.show($0.to))" }
                }
                return lines.joined(separator: "\n")
            }
        }

        static func show(_ value: JSONValue) -> String {
            String(decoding: (try? CanonicalJSON.data(value)) ?? Data(), as: UTF8.self)
        }
    }
}

/// `credence catalog export|import`: an edition as open data, and a file as a new draft.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write an edition as JSON or CSV (UTF-8 with BOM).")
    @Option(help: "The edition (the one in force by default).") var edition: String?
    @Option(help: "json or csv.") var format: String = "json"
    @Option(help: "A file to write (standard output by default).") var output: String?

    func run() async throws {
        guard ["json", "csv"].contains(format) else { throw UserError(message: "--format must be json or csv; got '\(format)'.") }
        let (found, entries) = try await withStore { store in try CatalogSnapshot(catalog: try await store.loadCatalog()).entries(edition: edition) }
        let data = format == "csv" ? Data(CatalogCSV.export(entries).utf8) : try APIJSON.encode(EditionExportDTO(edition: found, entries: entries))
        if let output {
            try data.write(to: URL(fileURLWithPath: output))
            print("Wrote \(entries.count) entries of \(found.id) to \(output).")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a JSON, CSV or .xlsx file as a new draft edition; nothing is imported if any row is bad.")
    @Argument(help: "The file (.json as exported, .csv in UTF-8 or GB18030, or .xlsx).") var file: String
    @Option(help: "CSV: the new edition's id.") var id: String?
    @Option(name: .customLong("title-zh"), help: "CSV: its Chinese title.") var titleZh: String?
    @Option(name: .customLong("title-en"), help: "CSV: its English title.") var titleEn: String?
    @Option(help: "CSV: its jurisdiction.") var jurisdiction: String = "tianjin"

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw UserError(message: "Cannot read \(file).") }
        let bytes = [UInt8](data)
        let parsed: ImportFile.Draft
        do {
            let content = try ImportFile.content(bytes, sheet: ImportFile.isSheet(fileName: file))
            parsed = try ImportFile.draft(content) {
                guard let id, let titleZh, let titleEn else { throw UserError(message: "A CSV or .xlsx import needs --id, --title-zh and --title-en.") }
                return (id, jurisdiction, BilingualText(zh: titleZh, en: titleEn))
            }
        } catch let error as SpreadsheetFile.Unsupported {
            throw UserError(message: "Nothing imported: " + error.message.en)
        } catch let error as ImportRejected {
            throw UserError(message: "Nothing imported; \(error.rows.count) problems:\n"
                + error.rows.map { "  row \($0.row)\($0.field.map { ", \($0)" } ?? ""): \($0.why)" }.joined(separator: "\n"))
        }
        let edition = try await withStore { store in
            try await store.editions.importDraft(id: parsed.id, jurisdiction: parsed.jurisdiction, title: parsed.title,
                                                 entries: parsed.entries, by: nil)
        }
        print("Imported \(parsed.entries.count) entries as draft \(edition.id).")
    }
}
