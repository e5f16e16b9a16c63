import AsyncHTTPClient
import CredenceStore
import Foundation
import Logging
import NIOCore
import ServiceLifecycle

/// Sends what the webhook outbox holds, for as long as the app runs: each message is POSTed
/// as JSON with `Credence-Timestamp` and `Credence-Signature` (HMAC-SHA256 over
/// "timestamp.body" with the employer's secret); a 2xx marks it delivered, anything else
/// schedules a retry with backoff. Several app instances may run it: a message could then
/// arrive twice, never not at all — receivers dedupe on requestId + status + at.
public struct WebhookDelivery: Service {
    let store: Store
    let logger: Logger
    var interval: Duration = .seconds(1)

    public init(store: Store, logger: Logger, interval: Duration = .seconds(1)) {
        self.store = store
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        // Stops between passes when the app shuts down; an undelivered message stays in the outbox.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await deliverDue()
                } catch {
                    logger.warning("webhook delivery pass failed", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: interval)
            }
        }
    }

    /// One pass over the outbox: what is due is sent once.
    public func deliverDue() async throws {
        let webhooks = store.webhooks
        for delivery in try await webhooks.due() {
            do {
                var request = HTTPClientRequest(url: delivery.url)
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/json")
                request.headers.add(name: "User-Agent", value: "Credence-Webhook/1")
                request.headers.add(name: "Credence-Timestamp", value: delivery.timestamp)
                request.headers.add(name: "Credence-Signature", value: delivery.signature)
                request.body = .bytes(ByteBuffer(string: delivery.body))
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
                if (200..<300).contains(response.status.code) {
                    try await webhooks.delivered(delivery.id)
                } else {
                    try await webhooks.failed(delivery.id, error: "HTTP \(response.status.code)")
                }
            } catch {
                try await webhooks.failed(delivery.id, error: "\(error)")
            }
        }
    }
}
