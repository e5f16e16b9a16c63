import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// The way of the hot reads (an employer's list, a request's page) to the database, with
/// their statements prepared once and kept: on SQLite, reader connections of their own
/// (`SQLiteReadConnections`); on PostgreSQL, the pool, each connection keeping them by name
/// (`PostgresKeptStatement`). The SQL is written with SQLKit for either database.
struct HotReads: Sendable {
    /// The reader (see `Store.reader`): the SQL dialect, and PostgreSQL's pool.
    let database: any Database
    /// SQLite's reader connections; nil on PostgreSQL.
    let sqlite: SQLiteReadConnections?

    /// Runs `query` and returns its rows' cells, in order. `keep`: whether its statement is
    /// kept — only for statements of a few shapes (the values bound, not written in), or
    /// made-up shapes would push out the ones every list uses.
    func rows(_ query: any SQLExpression, keep: Bool = true) async throws -> [RowCells] {
        let (text, binds) = database.sql.serialize(query)
        if let sqlite {
            let data = try binds.map { try SQLiteDataEncoder().encode($0) }
            return try await sqlite.rows(text, data, keep: keep).map(RowCells.sqlite)
        }
        guard let postgres = database as? any PostgresDatabase else { throw RowCellsError(problem: "neither SQLite nor PostgreSQL") }
        var binding = PostgresBindings(capacity: binds.count)
        let types = try binds.map { try Self.append($0, to: &binding) }
        let bindings = binding
        let logger = database.logger
        let rows = try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await PostgresKeptStatement.rows(text, bindings, types: types, keep: keep, on: connection, logger: logger)
            }
        }.get()
        return rows.map { .postgres($0.makeRandomAccess()) }
    }

    /// Binds a value Credence reads by, returning its type.
    private static func append(_ bind: any Encodable & Sendable, to bindings: inout PostgresBindings) throws -> PostgresDataType {
        func add<T: PostgresNonThrowingEncodable>(_ value: T) -> PostgresDataType {
            bindings.append(value)
            return T.psqlType
        }
        switch bind {
        case let value as String: return add(value)
        case let value as UUID: return add(value)
        case let value as Int: return add(value)
        case let value as Double: return add(value)
        case let value as Bool: return add(value)
        case let value as Date: return add(value)
        default: throw RowCellsError(problem: "cannot bind a \(type(of: bind))")
        }
    }
}
