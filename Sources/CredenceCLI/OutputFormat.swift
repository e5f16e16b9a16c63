import ArgumentParser
import CredenceApp
import Foundation

/// `--format`: a table for people, or exactly the JSON the API returns.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

struct FormatOption: ParsableArguments {
    @Option(help: "table or json (json prints exactly what the API returns).")
    var format: OutputFormat = .table

    /// Prints `value` as the API's JSON, or `table()` when a table was asked for.
    func emit(_ value: some Encodable, table: () -> String) throws {
        switch format {
        case .json: print(String(decoding: try APIJSON.encode(value), as: UTF8.self))
        case .table: print(table())
        }
    }
}

/// A plain text table that lines up Chinese text too (a Han character takes two columns).
struct TextTable {
    var header: [String]
    var rows: [[String]]

    var rendered: String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { Self.width($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                let cell = row[column]
                let padding = column == row.count - 1 ? 0 : widths[column] - Self.width(cell)
                return cell + String(repeating: " ", count: max(0, padding))
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD: total + 2
            default: total + 1
            }
        }
    }
}
