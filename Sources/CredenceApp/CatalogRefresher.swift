import CredenceStore
import Logging
import ServiceLifecycle

/// Keeps this instance's catalog current: every couple of seconds it asks the database for
/// the catalog's version and reloads when another instance changed it, and puts scheduled
/// editions in force on their day. A publish on one instance is seen on all of them.
public struct CatalogRefresher: Service {
    let store: Store
    let state: CatalogState
    let logger: Logger
    var interval: Duration

    public init(store: Store, state: CatalogState, logger: Logger, interval: Duration = .seconds(2)) {
        self.store = store
        self.state = state
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        let start = (try? await store.editions.version()) ?? 0
        try? await cancelWhenGracefulShutdown {
            var seen = start
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                do {
                    seen = try await refresh(after: seen)
                } catch {
                    logger.warning("catalog refresh failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    /// One look: returns the version now loaded.
    public func refresh(after seen: Int64) async throws -> Int64 {
        try await store.editions.promoteDue()
        let version = try await store.editions.version()
        if version != seen {
            try await state.reload(from: store)
            logger.info("catalog reloaded", metadata: ["version": "\(version)"])
        }
        return version
    }
}
