import CredenceCore
import CredenceStore
import Logging
import ServiceLifecycle

/// Tells employers, once, of authentic results whose certificate expires within
/// `ExpiryNotice.days` (issue 33): a few seconds after start, then hourly. Several
/// instances may run it: each result is told once (`Verifications.notifyExpiring`).
public struct ExpiryNoticeJob: Service {
    let store: Store
    let logger: Logger
    var interval: Duration = .seconds(3600)

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            try await Task.sleep(for: .seconds(5))
            while !Task.isCancelled {
                do {
                    let told = try await store.verifications.notifyExpiring()
                    if told > 0 { logger.info("certificate expiry notices queued", metadata: ["requests": "\(told)"]) }
                } catch {
                    logger.warning("expiry notice job failed", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: interval)
            }
        }
    }
}
