import CredenceStore
import ServiceLifecycle

/// Keeps the store open while the application runs and closes it on shutdown.
struct StoreService: Service {
    let store: Store

    func run() async throws {
        try? await gracefulShutdown()
        await store.close()
    }
}
