import CredenceCore
import CredenceMail
import CredenceStore
import Foundation
import Logging
import ServiceLifecycle

/// Sends what the mail outbox holds over SMTP, for as long as the app runs: each message
/// once (claimed by this instance), a temporary refusal tried again later, a permanent one
/// given up without holding back anyone else's mail.
public struct MailDelivery: Service {
    let store: Store
    let client: SMTPClient
    let publicURL: String
    let logger: Logger
    var interval: Duration = .seconds(1)

    public init(store: Store, client: SMTPClient, publicURL: String, logger: Logger, interval: Duration = .seconds(1)) {
        self.store = store
        self.client = client
        self.publicURL = publicURL
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await deliverDue()
            } catch {
                logger.warning("mail delivery pass failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// One pass: every message due now, a few at a time.
    public func deliverDue() async throws {
        let mails = store.mails
        let due = try await mails.due()
        await withDiscardingTaskGroup { group in
            for (index, message) in due.enumerated() {
                if index >= 4 { await Task.yield() }
                group.addTask { await send(message, mails) }
            }
        }
    }

    private func send(_ due: Mails.Due, _ mails: Mails) async {
        do {
            let change = try JSONDecoder().decode(StatusChangeMail.Change.self, from: Data(due.payload.utf8))
            let mail = StatusChangeMail(change: change, organizationName: due.organizationName, publicURL: publicURL)
            let host = URLComponents(string: publicURL)?.host ?? "credence.local"
            try await client.send(MailMessage(from: client.settings.from, to: due.to, subject: mail.subject, text: mail.text, html: mail.html,
                                              date: due.createdAt, messageID: "\(due.id.uuidString.lowercased())@\(host)"))
            try await mails.delivered(due.id)
        } catch {
            let permanent = (error as? SMTPClient.Refused)?.isPermanent ?? (error is DecodingError)
            do {
                try await mails.failed(due.id, error: "\(error)", permanent: permanent)
            } catch {
                logger.warning("mail failure not recorded", metadata: ["error": "\(error)"])
            }
        }
    }
}
