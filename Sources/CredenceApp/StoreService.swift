import CredenceStore
import ServiceLifecycle

/// Keeps the store open while the application runs and closes it on shutdown — after the
/// server, which stops first. When shutdown is cut short (cancelled past its bound), the
/// store is left open: handlers still running may use it, and the process is ending; both
/// databases are crash-safe.
struct StoreService: Service {
    let store: Store

    func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return
        }
        await store.close()
    }
}
