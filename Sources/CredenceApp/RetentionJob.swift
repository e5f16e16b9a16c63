import CredenceCore
import CredenceStore
import Logging
import ServiceLifecycle

/// Erases expired personal data (`RetentionPolicy`) a minute after start and then daily.
/// Several instances may run it: a request is erased once.
public struct RetentionJob: Service {
    let store: Store
    let policy: RetentionPolicy
    let logger: Logger
    var interval: Duration = .seconds(86_400)

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            try await Task.sleep(for: .seconds(60))
            while !Task.isCancelled {
                do {
                    let erased = try await store.verifications.erase(policy)
                    if !erased.isEmpty {
                        logger.info("personal data erased", metadata: ["requests": "\(erased.count)", "retention_days": "\(policy.days)"])
                    }
                } catch {
                    logger.warning("retention job failed", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: interval)
            }
        }
    }
}
