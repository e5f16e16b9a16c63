import CredenceCore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import Synchronization

/// The database Credence runs on, opened and migrated: the glue between FluentKit and
/// the rest (what hummingbird-fluent would provide, kept small).
public final class Store: Sendable {
    public let configuration: StoreConfiguration
    /// The receipt-signing and personal-data keys.
    public let keys: KeyRing
    /// Quotas (from the environment).
    public let limits: StoreLimits
    /// Password hashing, on threads of its own.
    public let passwords: any PasswordHashing
    /// The time, a value: every rule that reads the clock reads this one (tests move it).
    public let clock: @Sendable () -> Date
    private let databases: Databases
    private let logger: Logger

    /// Opens the database, creating the data folder and running every migration that has
    /// not run yet; on a new database that includes loading the 2023 edition.
    public static func open(_ configuration: StoreConfiguration, logger: Logger,
                            limits: StoreLimits = .fromEnvironment(), passwords: any PasswordHashing,
                            clock: @escaping @Sendable () -> Date = { Date() }) async throws -> Store {
        let keys = try KeyRing.load(for: configuration)
        // SQLite takes one writer at a time: one event loop, so one connection, serializes
        // writes in the process instead of leaving connections to spin on the file lock.
        let eventLoops: any EventLoopGroup
        var ownsEventLoops = false
        switch configuration {
        case .sqlite:
            eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            ownsEventLoops = true
        case .postgres:
            eventLoops = MultiThreadedEventLoopGroup.singleton
        }
        let databases = Databases(threadPool: .singleton, on: eventLoops)
        // SQLite's hot reads (credentials, request lists) go to connections of their own:
        // in WAL mode readers do not wait for the writer, so a page is not held up by a
        // group commit, and reads spread over the cores. PostgreSQL has a pool already.
        var readers: Readers?
        switch configuration {
        case .sqlite(let path):
            try configuration.makePrivateDatabaseFiles()
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
            let readerLoops = MultiThreadedEventLoopGroup(numberOfThreads: Readers.count)
            let readerDatabases = Databases(threadPool: .singleton, on: readerLoops)
            readerDatabases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
            do {
                readers = Readers(databases: readerDatabases, eventLoops: readerLoops,
                                  connections: try SQLiteReadConnections(path: path, count: Readers.count))
            } catch {
                await readerDatabases.shutdownAsync()
                try? await readerLoops.shutdownGracefully()
                await databases.shutdownAsync()
                throw error
            }
        case .postgres(let url):
            do {
                // Four connections per event loop (eight on two cores): with one, a burst of
                // lists queued behind two round trips at a time (issue 45, docs/benchmarks.md).
                databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: .psql)
            } catch {
                await databases.shutdownAsync()
                throw StoreError.invalidDatabaseURL
            }
        }
        let store = Store(configuration: configuration, keys: keys, limits: limits, passwords: passwords, clock: clock, databases: databases, eventLoops: eventLoops,
                          ownsEventLoops: ownsEventLoops, readers: readers, logger: logger)
        do {
            try await store.migrate()
            try await TOTPSecretSeal.sealLegacySecrets(on: store.database, with: keys.sealer)
            if case .sqlite = configuration, let sql = store.database as? any SQLDatabase {
                // Write-ahead log, and a commit is on disk before it is acknowledged.
                try await sql.raw("PRAGMA journal_mode = WAL").run()
                try await sql.raw("PRAGMA synchronous = FULL").run()
            }
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    private let eventLoops: any EventLoopGroup
    private let ownsEventLoops: Bool
    private let readers: Readers?
    /// Set by the first `close`: closing again does nothing.
    private let closed = Mutex(false)

    /// SQLite's read-only connections, one per thread.
    private struct Readers {
        static let count = 2
        let databases: Databases
        let eventLoops: MultiThreadedEventLoopGroup
        /// The hot reads' connections, which keep their statements (`HotReads`).
        let connections: SQLiteReadConnections
    }
    /// Credentials verified a moment ago, trusted while `Accounts.watchRevocations` runs.
    let credentials = CredentialCache()
    /// Submissions commit in groups (see `GroupCommit`).
    let submissions: GroupCommit<SubmissionGroup>

    private init(configuration: StoreConfiguration, keys: KeyRing, limits: StoreLimits, passwords: any PasswordHashing, clock: @escaping @Sendable () -> Date, databases: Databases, eventLoops: any EventLoopGroup,
                 ownsEventLoops: Bool, readers: Readers?, logger: Logger) {
        self.readers = readers
        self.configuration = configuration
        self.keys = keys
        self.limits = limits
        self.passwords = passwords
        self.clock = clock
        self.eventLoops = eventLoops
        self.ownsEventLoops = ownsEventLoops
        self.databases = databases
        self.logger = logger
        submissions = GroupCommit(database: { databases.database(logger: logger, on: eventLoops.any())! },
                                  weight: { $0.submissions.count }, write: SubmissionGroup.store)
    }

    /// A handle for queries; cheap to make, one per unit of work.
    public var database: any Database {
        databases.database(logger: logger, on: eventLoops.any())!
    }

    /// A handle for reads that need not see this unit's own uncommitted writes: on SQLite, a
    /// reader connection; on PostgreSQL, the same pool as `database`.
    var reader: any Database {
        guard let readers else { return database }
        return readers.databases.database(logger: logger, on: readers.eventLoops.any())!
    }

    /// The hot reads, with their statements kept (see `HotReads`).
    var hotReads: HotReads { HotReads(database: reader, sqlite: readers?.connections) }

    /// Closes the databases; safe to call more than once (the service closes the store, and a
    /// caller cleaning up after an error may too).
    public func close() async {
        guard closed.withLock({ wasClosed in defer { wasClosed = true }; return !wasClosed }) else { return }
        if let readers {
            await readers.connections.close()
            await readers.databases.shutdownAsync()
            try? await readers.eventLoops.shutdownGracefully()
        }
        await databases.shutdownAsync()
        if ownsEventLoops { try? await eventLoops.shutdownGracefully() }
    }

    /// Brings the schema up to date. FluentKit reports each migration at info level (about 60
    /// lines on a first start, before the line saying where the server listens): they are
    /// shown at debug level only, and one line says how many were applied.
    private func migrate() async throws {
        let migrations = Migrations()
        migrations.add(CredenceMigrations.all)
        var migrationLogger = logger
        if logger.logLevel > .debug { migrationLogger.logLevel = max(logger.logLevel, .notice) }
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: migrationLogger,
            on: eventLoops.any())
        try await migrator.setupIfNeeded().get()
        let pending = try await migrator.previewPrepareBatch().get().count
        try await migrator.prepareBatch().get()
        if pending > 0 { logger.info("database migrated: \(pending) migrations applied") }
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case invalidDatabaseURL

    public var description: String {
        switch self {
        case .invalidDatabaseURL:
            "DATABASE_URL is not a PostgreSQL URL; expected postgres://user:password@host:port/database"
        }
    }
}

extension Store {
    /// Accounts, sessions, tokens and the audit events, on this database.
    public var accounts: Accounts {
        Accounts(database: database, reader: reader, sealer: keys.sealer, passwords: passwords, credentials: credentials, now: clock)
    }
}

extension Database {
    /// The same database as SQL, for the hot reads written in SQLKit. Both drivers Credence
    /// runs on (SQLite, PostgreSQL) are SQL databases, so this cannot fail.
    var sql: any SQLDatabase { self as! any SQLDatabase }
}

/// A value for a multi-row SQLKit insert: bound, or `NULL` when absent.
func sqlValue(_ value: (any Encodable & Sendable)?) -> any SQLExpression {
    value.map { SQLBind($0) } ?? SQLLiteral.null
}
