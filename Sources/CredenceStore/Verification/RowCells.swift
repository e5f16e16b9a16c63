import CredenceCore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// A result row's cells read by position, straight from the driver's values: SQLite's
/// `SQLiteData`, PostgreSQL's cells. SQLKit's `decode(column:as:)` makes a `Decoder` for every
/// cell, casts dynamically and finds the column by name — a sixth of an employer's list
/// (perf, issue 35); this reads an `id` as the text or `uuid` it is stored as.
enum RowCells: Sendable {
    case sqlite([SQLiteData])
    case postgres(PostgresRandomAccessRow)

    /// Runs `query` on `database` (a reader) and returns its rows' cells, in order.
    static func read(_ query: any SQLExpression, on database: any Database) async throws -> [RowCells] {
        guard let sql = database as? any SQLDatabase else { throw RowCellsError(problem: "not an SQL database") }
        let (text, binds) = sql.serialize(query)
        if let sqlite = database as? any SQLiteDatabase {
            let data = try binds.map { try SQLiteDataEncoder().encode($0) }
            let rows = NIOLockedValueBox<[RowCells]>([])
            try await sqlite.withConnection { connection in
                try await connection.query(text, data) { row in
                    let cells = RowCells.sqlite(row.columns.map(\.data))
                    rows.withLockedValue { $0.append(cells) }
                }
            }
            return rows.withLockedValue { $0 }
        }
        if let postgres = database as? any PostgresDatabase {
            var bindings = PostgresBindings(capacity: binds.count)
            for bind in binds { try Self.append(bind, to: &bindings) }
            let query = PostgresQuery(unsafeSQL: text, binds: bindings)
            let rows = try await postgres.withConnection { connection in
                connection.eventLoop.makeFutureWithTask { try await connection.query(query, logger: database.logger).collect() }
            }.get()
            return rows.map { .postgres($0.makeRandomAccess()) }
        }
        throw RowCellsError(problem: "neither SQLite nor PostgreSQL")
    }

    /// The values Credence binds in the statements read this way.
    private static func append(_ bind: any Encodable & Sendable, to bindings: inout PostgresBindings) throws {
        switch bind {
        case let value as String: bindings.append(value)
        case let value as UUID: bindings.append(value)
        case let value as Int: bindings.append(value)
        case let value as Double: bindings.append(value)
        case let value as Bool: bindings.append(value)
        case let value as Date: bindings.append(value)
        default: throw RowCellsError(problem: "cannot bind a \(type(of: bind))")
        }
    }

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
