import CredenceStore
import FluentPostgresDriver
import Foundation
import Logging
import NIOPosix

/// The databases tests run against: SQLite always; PostgreSQL too when
/// `CREDENCE_TEST_POSTGRES_URL` names a server (CI starts one). Each test gets a database
/// of its own, so suites run in parallel without sharing state.
public enum TestDatabase: String, Sendable, CaseIterable {
    case sqlite
    case postgres

    public static let postgresURLVariable = "CREDENCE_TEST_POSTGRES_URL"

    /// The kinds available in this run.
    public static var available: [TestDatabase] {
        postgresBaseURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static var postgresBaseURL: String? {
        ProcessInfo.processInfo.environment[postgresURLVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Makes a fresh, empty database of this kind, hands its configuration to `body`, and
    /// removes the database afterwards.
    public func withFreshStore<T>(_ body: (StoreConfiguration) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("credence-test-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            return try await body(.sqlite(path: directory.appendingPathComponent("credence.sqlite").path))
        case .postgres:
            guard let base = Self.postgresBaseURL else { throw TestDatabaseError.postgresNotConfigured }
            // A test that opens a second store (two instances) uses the slot it holds.
            if PostgresSlots.held { return try await fresh(on: base, body) }
            await PostgresSlots.shared.acquire()
            do {
                let result = try await PostgresSlots.$held.withValue(true) { try await fresh(on: base, body) }
                await PostgresSlots.shared.release()
                return result
            } catch {
                await PostgresSlots.shared.release()
                throw error
            }
        }
    }

    private func fresh<T>(on base: String, _ body: (StoreConfiguration) async throws -> T) async throws -> T {
        let name = "credence_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        try await Self.execute("CREATE DATABASE \(name)", on: base)
        do {
            let result = try await body(.postgres(url: Self.url(base, database: name)))
            try? await Self.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: base)
            return result
        } catch {
            try? await Self.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: base)
            throw error
        }
    }

    static func url(_ base: String, database: String) -> String {
        var components = URLComponents(string: base)!
        components.path = "/" + database
        return components.string!
    }

    static func execute(_ sql: String, on url: String) async throws {
        let configuration = try SQLPostgresConfiguration(url: url)
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration.coreConfiguration, id: 1,
            logger: Logger(label: "credence-test"))
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "credence-test"))
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// At most `limit` PostgreSQL test databases open at once. Each store's pool holds its own
/// connections and Swift Testing starts every test at once: past the server's
/// max_connections (200 in CI) a pool waits forever for a connection and the run hangs.
/// A store opens at most eight (four per event loop, on two cores; most tests use one or
/// two), so 20 stores stay under 200 with room for the tests that open a second store.
actor PostgresSlots {
    static let shared = PostgresSlots(limit: 20)
    @TaskLocal static var held = false

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { free = limit }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

public enum TestDatabaseError: Error {
    case postgresNotConfigured
}

/// Runs `body` with a new empty folder for the test's files, removed afterwards.
public func withTemporaryFolder<T>(_ purpose: String, _ body: (URL) async throws -> T) async throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("credence-\(purpose)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
}
