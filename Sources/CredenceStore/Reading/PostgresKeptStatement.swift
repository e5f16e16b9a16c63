import PostgresNIO
import Synchronization

/// A read PostgreSQL prepares once per connection and keeps, named for its text.
///
/// Sent unnamed, a statement is parsed, planned and described again on every call — a
/// quarter of an employer's list on PostgreSQL (perf, issue 45). PostgresNIO keeps prepared
/// statements per connection, by name, for `PostgresPreparedStatement` types, whose text is
/// a static property; Credence's reads are built at run time (SQLKit). So the name and text
/// are given as a task-local value for the length of one `execute`, which reads them within
/// that call.
struct PostgresKeptStatement: PostgresPreparedStatement {
    struct Text: Sendable {
        var name: String
        var sql: String
        var types: [PostgresDataType]
    }

    @TaskLocal static var text = Text(name: "", sql: "", types: [])
    static var name: String { text.name }
    static var sql: String { text.sql }
    static var bindingDataTypes: [PostgresDataType] { text.types }

    let bindings: PostgresBindings
    func makeBindings() -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }

    /// Runs `sql` with `bindings` (of `types`) on `connection`: kept under its name when
    /// `keep` and it has one, else sent unnamed.
    static func rows(_ sql: String, _ bindings: PostgresBindings, types: [PostgresDataType], keep: Bool,
                     on connection: PostgresConnection, logger: Logger) async throws -> [PostgresRow] {
        guard keep, let name = names.name(for: sql, types: types) else {
            return try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).collect()
        }
        return try await $text.withValue(Text(name: name, sql: sql, types: types)) {
            var rows: [PostgresRow] = []
            for try await row in try await connection.execute(PostgresKeptStatement(bindings: bindings), logger: logger) {
                rows.append(row)
            }
            return rows
        }
    }

    private static let names = StatementNames()
}

/// Names for the statement texts kept: the first `limit` texts get one each, in the order
/// first seen, for the life of the process; later ones run unnamed, so a client making new
/// shapes (searches of every length) cannot make each connection keep without end.
private final class StatementNames: Sendable {
    private static let limit = 128
    private struct Key: Hashable {
        var sql: String
        var types: [PostgresDataType]
    }

    private let named = Mutex<[Key: String]>([:])

    func name(for sql: String, types: [PostgresDataType]) -> String? {
        let key = Key(sql: sql, types: types)
        return named.withLock { named in
            if let name = named[key] { return name }
            guard named.count < Self.limit else { return nil }
            let name = "credence_\(named.count + 1)"
            named[key] = name
            return name
        }
    }
}
