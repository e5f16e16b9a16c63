import CredenceStore
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// Sends what the webhook outbox holds, for as long as the app runs: each message is POSTed
/// as JSON with `Credence-Timestamp` and `Credence-Signature` (HMAC-SHA256 over
/// "timestamp.body" with the employer's secret); a 2xx marks it delivered, anything else
/// schedules a retry with backoff (and holds that destination's other messages back).
/// Destinations are served side by side, each by its own task, in order within each: one
/// employer's slow or dead receiver never delays another's. Several app instances may run
/// it: each message is claimed by one of them (`OutboxClaim`) and sent once.
public struct WebhookDelivery: Service {
    let store: Store
    let logger: Logger
    var interval: Duration = .seconds(1)
    /// Destinations being served at once, at most.
    static let maxConcurrentDestinations = 16
    static let timeout: TimeAmount = .seconds(5)
    private let busy = Destinations()

    public init(store: Store, logger: Logger, interval: Duration = .seconds(1)) {
        self.store = store
        self.logger = logger
        self.interval = interval
    }

    /// The destinations a task is serving now.
    private final class Destinations: Sendable {
        let serving = Mutex<Set<UUID>>([])

        /// Takes the destination if it is free and there is room; false otherwise.
        func take(_ id: UUID) -> Bool {
            serving.withLock { set in
                guard set.count < WebhookDelivery.maxConcurrentDestinations, !set.contains(id) else { return false }
                set.insert(id)
                return true
            }
        }

        func release(_ id: UUID) { _ = serving.withLock { $0.remove(id) } }
    }

    public func run() async throws {
        // On shutdown no new pass starts; sends already under way finish (each within the
        // timeout), so an attempt is recorded, never cut off. Undelivered messages stay in the outbox.
        await withDiscardingTaskGroup { group in
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                do {
                    for deliveries in try await store.webhooks.due() {
                        guard let destination = deliveries.first?.employerID, busy.take(destination) else { continue }
                        group.addTask {
                            await send(deliveries)
                            busy.release(destination)
                        }
                    }
                } catch {
                    logger.warning("webhook delivery pass failed", metadata: ["error": "\(error)"])
                }
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            }
        }
    }

    /// One pass over the outbox, waiting for it: what is due is sent once (destinations side by side).
    public func deliverDue() async throws {
        let due = try await store.webhooks.due()
        await withDiscardingTaskGroup { group in
            for deliveries in due { group.addTask { await send(deliveries) } }
        }
    }

    /// One destination's messages, in order; the first failure stops the rest (they wait
    /// for the retry the failure scheduled).
    private func send(_ deliveries: [Webhooks.Delivery]) async {
        let webhooks = store.webhooks
        for delivery in deliveries {
            do {
                var request = HTTPClientRequest(url: delivery.url)
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/json")
                request.headers.add(name: "User-Agent", value: "Credence-Webhook/1")
                request.headers.add(name: "Credence-Timestamp", value: delivery.timestamp)
                request.headers.add(name: "Credence-Signature", value: delivery.signature)
                request.body = .bytes(ByteBuffer(string: delivery.body))
                let response = try await HTTPClient.shared.execute(request, timeout: Self.timeout)
                if (200..<300).contains(response.status.code) {
                    try await webhooks.delivered(delivery.id)
                    continue
                }
                try await webhooks.failed(delivery.id, error: "HTTP \(response.status.code)")
            } catch {
                do {
                    try await webhooks.failed(delivery.id, error: "\(error)")
                } catch {
                    logger.warning("webhook failure not recorded", metadata: ["error": "\(error)"])
                }
            }
            return
        }
    }
}
