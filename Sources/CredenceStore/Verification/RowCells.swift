import CredenceCore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// A result row's cells read by position, straight from the driver's values: SQLite's
/// `SQLiteData`, PostgreSQL's cells. SQLKit's `decode(column:as:)` makes a `Decoder` for every
/// cell, casts dynamically and finds the column by name — a sixth of an employer's list
/// (perf, issue 35); this reads an `id` as the text or `uuid` it is stored as.
enum RowCells: Sendable {
    case sqlite([SQLiteData])
    case postgres(PostgresRandomAccessRow)

    func text(_ index: Int) throws -> String { try required(index, optionalText) }
    func uuid(_ index: Int) throws -> UUID { try required(index, optionalUUID) }
    func date(_ index: Int) throws -> Date { try required(index, optionalDate) }

    func optionalText(_ index: Int) throws -> String? {
        try cell(index) { if case .text(let text) = $0 { text } else { nil } }
    }

    func optionalUUID(_ index: Int) throws -> UUID? {
        try cell(index) { if case .text(let text) = $0 { UUID(text: text) } else { nil } }
    }

    func optionalDate(_ index: Int) throws -> Date? {
        try cell(index) { data in
            switch data {
            case .float(let seconds): Date(timeIntervalSince1970: seconds)
            case .integer(let seconds): Date(timeIntervalSince1970: Double(seconds))
            default: nil
            }
        }
    }

    func optionalInt(_ index: Int) throws -> Int? {
        try cell(index) { if case .integer(let value) = $0 { value } else { nil } }
    }

    func optionalBool(_ index: Int) throws -> Bool? {
        try cell(index) { if case .integer(let value) = $0 { value != 0 } else { nil } }
    }

    /// A cell: SQLite's value as it is usually stored (`sqlite`), else through SQLite's
    /// decoder; PostgreSQL's decoded as its type. Null is nil on both.
    private func cell<T: Decodable & PostgresDecodable>(_ index: Int, sqlite: (SQLiteData) -> T?) throws -> T? where T._DecodableType == T {
        switch self {
        case .sqlite(let data):
            if case .null = data[index] { return nil }
            return try sqlite(data[index]) ?? SQLiteDataDecoder().decode(T.self, from: data[index])
        case .postgres(let row):
            return try row[index].decode(T?.self)
        }
    }

    private func required<T>(_ index: Int, _ read: (Int) throws -> T?) throws -> T {
        guard let value = try read(index) else { throw RowCellsError(problem: "column \(index) is null") }
        return value
    }
}

struct RowCellsError: Error, CustomStringConvertible {
    var problem: String
    var description: String { "Reading rows: \(problem)." }
}
