import CredenceCore
import CredenceMail
import CredenceStore
import Logging
import ServiceLifecycle

/// Work the service does on a timer: once after `firstDelay`, then every `interval`, until
/// shutdown. A failed pass is logged and tried again at the next. Several instances may
/// run the same job: each job's work is written to be done once however many run it.
struct PeriodicJob: Service {
    let name: String
    let firstDelay: Duration
    let interval: Duration
    let logger: Logger
    /// One pass; what it returns is logged when not empty.
    let work: @Sendable () async throws -> Logger.Metadata?

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            try await Task.sleep(for: firstDelay)
            while !Task.isCancelled {
                do {
                    if let done = try await work() { logger.info("\(name)", metadata: done) }
                } catch {
                    logger.warning("\(name) failed", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: interval)
            }
        }
    }

    /// Erases expired personal data (`RetentionPolicy`) a minute after start and then daily;
    /// a request is erased once.
    static func retention(store: Store, policy: RetentionPolicy, mailFolder: MailFolder?, logger: Logger) -> PeriodicJob {
        PeriodicJob(name: "personal data erased", firstDelay: .seconds(60), interval: .seconds(86_400), logger: logger) {
            let erased = try await store.verifications.erase(policy)
            try await store.demand.purge()  // searches that found little: kept 12 weeks
            // Mail kept as files (no SMTP) names holders and carries their links: kept no longer than the requests.
            try mailFolder?.purge(before: store.clock().addingTimeInterval(-Double(policy.days) * 86_400))
            return erased.isEmpty ? nil : ["requests": "\(erased.count)", "retention_days": "\(policy.days)"]
        }
    }

    /// Tells employers, once, of authentic results whose certificate expires within
    /// `ExpiryNotice.days` (issue 33): a minute after start, then hourly.
    static func expiryNotices(store: Store, logger: Logger) -> PeriodicJob {
        PeriodicJob(name: "certificate expiry notices queued", firstDelay: .seconds(60), interval: .seconds(3600), logger: logger) {
            let told = try await store.verifications.notifyExpiring()
            return told == 0 ? nil : ["requests": "\(told)"]
        }
    }
}
