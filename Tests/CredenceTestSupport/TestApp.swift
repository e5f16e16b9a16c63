import CredenceApp
import CredenceStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization

/// Runs `body` against the whole application, served for real over HTTP on a free port,
/// on a fresh database of the given kind.
public func withLiveApp<T: Sendable>(
    _ database: TestDatabase, _ body: @Sendable (any TestClientProtocol) async throws -> T
) async throws -> T {
    try await database.withFreshStore { store in try await withLiveApp(on: store, body) }
}

/// Runs `body` against the application served over HTTP on an existing database.
public func withLiveApp<T: Sendable>(
    on store: StoreConfiguration, _ body: @Sendable (any TestClientProtocol) async throws -> T
) async throws -> T {
    var configuration = AppConfiguration(hostname: "127.0.0.1", port: 0, store: store, logLevel: .warning)
    configuration.passwordCost = TestPasswords.cost
    configuration.network.headerTimeout = .seconds(300)  // the test client may connect well before its first request
    let app = try await buildApplication(configuration)
    return try await app.test(.live) { client in try await body(client) }
}

/// bcrypt's least work factor: the suite makes hundreds of accounts at once, and at the
/// service's cost (12) their hashes queued for longer than a request may wait. One test
/// holds the service's own cost (`AccountsAPITests`).
public enum TestPasswords {
    public static let cost: UInt8 = 4
    public static func hasher() -> PasswordHasher { PasswordHasher(cost: cost) }
}

/// The time as tests see it: the real time, moved on by `advance` instead of waiting.
public final class TestClock: Sendable {
    private let offset = Mutex<TimeInterval>(0)

    public init() {}

    public var now: @Sendable () -> Date { { [self] in Date().addingTimeInterval(self.offset.withLock { $0 }) } }

    public func advance(by seconds: TimeInterval) {
        offset.withLock { $0 += seconds }
    }
}

/// The environment that points the `credence` binary at a store: what a user would set.
public struct CredenceStoreEnvironment: Sendable {
    public var variables: [String: String]

    public init(variables: [String: String]) {
        self.variables = variables
    }

    public init(_ store: StoreConfiguration) {
        switch store {
        case .sqlite(let path):
            variables = ["CREDENCE_DATA_DIR": URL(fileURLWithPath: path).deletingLastPathComponent().path]
        case .postgres(let url):
            variables = ["DATABASE_URL": url]
        }
    }
}

extension TestResponse {
    /// The body as text.
    public var text: String { String(buffer: body) }

    /// The body parsed as JSON.
    public func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer: body), options: [.fragmentsAllowed])
    }

    public func jsonObject() throws -> [String: Any] {
        guard let object = try json() as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
        return object
    }

    /// The JSON error's `code` (`{"error": {"code": …}}`), nil when there is none.
    public var errorCode: String? {
        ((try? jsonObject())?["error"] as? [String: Any])?["code"] as? String
    }
}
