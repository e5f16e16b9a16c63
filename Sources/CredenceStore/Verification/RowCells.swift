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

    func text(_ index: Int) throws -> String {
        guard let text = try optionalText(index) else { throw RowCellsError(problem: "column \(index) is null") }
        return text
    }

    func optionalText(_ index: Int) throws -> String? {
        switch self {
        case .sqlite(let data):
            switch data[index] {
            case .text(let text): return text
            case .null: return nil
            case let other: return try SQLiteDataDecoder().decode(String.self, from: other)
            }
        case .postgres(let row): return try row[index].decode(String?.self)
        }
    }

    func uuid(_ index: Int) throws -> UUID {
        guard let id = try optionalUUID(index) else { throw RowCellsError(problem: "column \(index) is null") }
        return id
    }

    func optionalUUID(_ index: Int) throws -> UUID? {
        switch self {
        case .sqlite(let data):
            switch data[index] {
            case .text(let text):
                guard let id = UUID(text: text) else { throw RowCellsError(problem: "column \(index) is not a UUID") }
                return id
            case .null: return nil
            case let other: return try SQLiteDataDecoder().decode(UUID.self, from: other)
            }
        case .postgres(let row): return try row[index].decode(UUID?.self)
        }
    }

    func date(_ index: Int) throws -> Date {
        guard let date = try optionalDate(index) else { throw RowCellsError(problem: "column \(index) is null") }
        return date
    }

    func optionalDate(_ index: Int) throws -> Date? {
        switch self {
        case .sqlite(let data):
            switch data[index] {
            case .float(let seconds): return Date(timeIntervalSince1970: seconds)
            case .integer(let seconds): return Date(timeIntervalSince1970: Double(seconds))
            case .null: return nil
            case let other: return try SQLiteDataDecoder().decode(Date.self, from: other)
            }
        case .postgres(let row): return try row[index].decode(Date?.self)
        }
    }

    func optionalInt(_ index: Int) throws -> Int? {
        switch self {
        case .sqlite(let data):
            switch data[index] {
            case .integer(let value): return value
            case .null: return nil
            case let other: return try SQLiteDataDecoder().decode(Int.self, from: other)
            }
        case .postgres(let row): return try row[index].decode(Int?.self)
        }
    }

    func optionalBool(_ index: Int) throws -> Bool? {
        switch self {
        case .sqlite(let data):
            switch data[index] {
            case .integer(let value): return value != 0
            case .null: return nil
            case let other: return try SQLiteDataDecoder().decode(Bool.self, from: other)
            }
        case .postgres(let row): return try row[index].decode(Bool?.self)
        }
    }
}

struct RowCellsError: Error, CustomStringConvertible {
    var problem: String
    var description: String { "Reading rows: \(problem)." }
}
