import CredenceStore
import ServiceLifecycle

/// Watches the count of credential revocations, so this instance may keep verified
/// credentials (`CredentialCache`) and still honour a revocation made by any instance.
struct CredentialWatch: Service {
    let store: Store

    func run() async throws {
        await cancelWhenGracefulShutdown { await store.accounts.watchRevocations() }
    }
}
