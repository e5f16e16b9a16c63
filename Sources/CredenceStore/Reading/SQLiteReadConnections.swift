import Foundation
import NIOCore
import NIOPosix
import SQLiteNIO
import Synchronization
// The SQLite that SQLiteNIO builds (its symbols prefixed `sqlite_nio_`): one SQLite library in
// the process, so its POSIX locks on the file stay one set (a second copy would not see them).
import VaporCSQLite

/// SQLite connections for the hot reads, each keeping its prepared statements.
///
/// SQLiteNIO prepares a statement on every call and keeps none, and each query hops between
/// the caller, an event loop and a thread pool; an employer's list spent a fifth of its time
/// there (perf, docs/benchmarks.md, issues 35 and 45). Here a statement is prepared once per
/// connection and reset after use, and a read is one hop to a thread of this pool and back.
/// In WAL mode these readers do not wait for the writer, which stays on SQLiteNIO.
final class SQLiteReadConnections: Sendable {
    /// Threads, and as many connections: a thread always finds one idle.
    private let threads: NIOThreadPool
    private let idle: IdleConnections

    init(path: String, count: Int) throws {
        var opened: [SQLiteReadConnection] = []
        do {
            for _ in 0..<count { opened.append(try SQLiteReadConnection(path: path)) }
        } catch {
            opened.forEach { $0.close() }
            throw error
        }
        idle = IdleConnections(opened)
        threads = NIOThreadPool(numberOfThreads: count)
        threads.start()
    }

    /// The rows `sql` selects with `binds`, each row's values in column order; its statement
    /// kept for the next time when `keep`.
    func rows(_ sql: String, _ binds: [SQLiteData], keep: Bool = true) async throws -> [[SQLiteData]] {
        try await threads.runIfActive { [idle] in
            guard let connection = idle.take() else { throw SQLiteReadError(code: SQLITE_BUSY, message: "no idle reader") }
            defer { idle.put(connection) }
            return try connection.rows(sql, binds, keep: keep)
        }
    }

    /// How often the statement `sql` ran and was prepared again, over the idle connections
    /// (all of them when no read is under way; for tests).
    func status(of sql: String) -> (runs: Int, reprepared: Int) {
        idle.withEach { $0.status(of: sql) }.reduce(into: (0, 0)) { total, status in
            total = (total.0 + status.runs, total.1 + status.reprepared)
        }
    }

    /// Closes every connection once the reads under way have put theirs back.
    func close() async {
        try? await threads.shutdownGracefully()
        _ = idle.withEach { $0.close() }
    }
}

/// The connections no thread is using.
private final class IdleConnections: Sendable {
    private let connections: Mutex<[SQLiteReadConnection]>
    init(_ connections: [SQLiteReadConnection]) { self.connections = Mutex(connections) }
    func take() -> SQLiteReadConnection? { connections.withLock { $0.popLast() } }
    func put(_ connection: SQLiteReadConnection) { connections.withLock { $0.append(connection) } }
    /// `body` on each idle connection, none taken meanwhile.
    func withEach<T: Sendable>(_ body: (SQLiteReadConnection) -> T) -> [T] { connections.withLock { $0.map(body) } }
}

/// One connection and its prepared statements, used by one thread at a time (taken from the
/// idle list for the length of a read).
private final class SQLiteReadConnection: @unchecked Sendable {
    /// Statements kept: the hot reads are a handful of shapes (searches are not kept); past
    /// this many they are all finalized and kept anew.
    private static let keptLimit = 64
    private let handle: OpaquePointer
    private var kept: [String: OpaquePointer] = [:]

    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let opened = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard opened == SQLITE_OK, let handle else {
            if let handle { sqlite_nio_sqlite3_close(handle) }
            throw SQLiteReadError(code: opened, message: "cannot open the database")
        }
        self.handle = handle
        // Reads only; a writer's lock is waited for, for at most 5 seconds (then a 503).
        sqlite_nio_sqlite3_busy_timeout(handle, 5_000)
        guard sqlite_nio_sqlite3_exec(handle, "PRAGMA query_only = 1", nil, nil, nil) == SQLITE_OK else {
            defer { sqlite_nio_sqlite3_close(handle) }
            throw SQLiteReadError(code: sqlite_nio_sqlite3_errcode(handle), message: "cannot make the reader read-only")
        }
    }

    func close() {
        kept.values.forEach { sqlite_nio_sqlite3_finalize($0) }
        kept = [:]
        sqlite_nio_sqlite3_close_v2(handle)
    }

    func rows(_ sql: String, _ binds: [SQLiteData], keep: Bool) throws -> [[SQLiteData]] {
        let statement = keep ? try kept(sql) : try prepare(sql, flags: 0)
        defer {
            if keep {
                sqlite_nio_sqlite3_reset(statement)
                // Text goes (a search may be a holder's name), replaced by null: clearing every
                // value (`sqlite3_clear_bindings`) marks the statement to be prepared again when
                // the planner looked at a bound value, which for `column = ?` it always does.
                for (index, value) in binds.enumerated() where value.isText {
                    sqlite_nio_sqlite3_bind_null(statement, Int32(index + 1))
                }
            } else {
                sqlite_nio_sqlite3_finalize(statement)
            }
        }
        for (index, value) in binds.enumerated() { try bind(value, at: Int32(index + 1), in: statement) }
        let columns = sqlite_nio_sqlite3_column_count(statement)
        var rows: [[SQLiteData]] = []
        while true {
            switch sqlite_nio_sqlite3_step(statement) {
            case SQLITE_ROW:
                rows.append((0..<columns).map { Self.value(statement, $0) })
            case SQLITE_DONE:
                return rows
            case let code:
                throw SQLiteReadError(code: code, message: String(cString: sqlite_nio_sqlite3_errmsg(handle)))
            }
        }
    }

    func status(of sql: String) -> (runs: Int, reprepared: Int) {
        guard let statement = kept[sql] else { return (0, 0) }
        return (Int(sqlite_nio_sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_RUN, 0)),
                Int(sqlite_nio_sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_REPREPARE, 0)))
    }

    private func kept(_ sql: String) throws -> OpaquePointer {
        if let statement = kept[sql] { return statement }
        if kept.count >= Self.keptLimit {
            kept.values.forEach { sqlite_nio_sqlite3_finalize($0) }
            kept = [:]
        }
        let statement = try prepare(sql, flags: UInt32(SQLITE_PREPARE_PERSISTENT))
        kept[sql] = statement
        return statement
    }

    private func prepare(_ sql: String, flags: UInt32) throws -> OpaquePointer {
        var statement: OpaquePointer?
        let code = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, flags, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw SQLiteReadError(code: code, message: String(cString: sqlite_nio_sqlite3_errmsg(handle)))
        }
        return statement
    }

    private func bind(_ value: SQLiteData, at index: Int32, in statement: OpaquePointer) throws {
        let code: Int32 = switch value {
        case .integer(let value): sqlite_nio_sqlite3_bind_int64(statement, index, Int64(value))
        case .float(let value): sqlite_nio_sqlite3_bind_double(statement, index, value)
        case .text(let value): sqlite_nio_sqlite3_bind_text(statement, index, value, Int32(value.utf8.count), Self.transient)
        case .blob(let value):
            value.withUnsafeReadableBytes { sqlite_nio_sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), Self.transient) }
        case .null: sqlite_nio_sqlite3_bind_null(statement, index)
        }
        guard code == SQLITE_OK else { throw SQLiteReadError(code: code, message: String(cString: sqlite_nio_sqlite3_errmsg(handle))) }
    }

    private static func value(_ statement: OpaquePointer, _ column: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .text("") }
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            guard count > 0, let bytes = sqlite_nio_sqlite3_column_blob(statement, column) else { return .blob(ByteBuffer()) }
            return .blob(ByteBuffer(bytes: UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    /// SQLite copies the bound bytes (`SQLITE_TRANSIENT`, which C spells as a cast of -1).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// SQLite refused a read: its result code and message. Busy, I/O and "cannot open" are an
/// outage (`StoreUnavailable`), anything else a fault.
struct SQLiteReadError: Error, CustomStringConvertible {
    var code: Int32
    var message: String
    var description: String { "SQLite error \(code): \(message)" }

    /// The primary result code (the low byte of an extended one).
    var primary: Int32 { code & 0xFF }
}

private extension SQLiteData {
    var isText: Bool {
        switch self {
        case .text, .blob: true
        default: false
        }
    }
}

extension SQLiteReadError {
    /// The primary result codes `StoreUnavailable` tells apart (sqlite3.h), for the store
    /// without SQLite's own module.
    static let busy = SQLITE_BUSY, locked = SQLITE_LOCKED, ioError = SQLITE_IOERR, full = SQLITE_FULL, cantOpen = SQLITE_CANTOPEN
}
