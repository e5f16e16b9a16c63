import CredenceCore
import CredenceMail
import CredenceStore
import Foundation
import Logging
import ServiceLifecycle

/// Sends what the mail outbox holds — over SMTP, or into the data folder's `.eml` files
/// when no SMTP server is configured — for as long as the app runs: each message once
/// (claimed by this instance), a temporary refusal tried again later, a permanent one
/// given up without holding back anyone else's mail.
public struct MailDelivery: Service {
    let store: Store
    let transport: any MailTransport
    let publicURL: String
    /// An entry's name in an edition (the catalog's, for alert mails).
    let entryName: @Sendable (String, String) throws -> BilingualText
    let logger: Logger
    var interval: Duration = .seconds(1)

    public init(store: Store, transport: any MailTransport, publicURL: String, entryName: @escaping @Sendable (String, String) throws -> BilingualText,
                logger: Logger, interval: Duration = .seconds(1)) {
        self.store = store
        self.transport = transport
        self.publicURL = publicURL
        self.entryName = entryName
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

    private struct Event: Decodable {
        var event: String
        var requestId: String?
    }

    private func send(_ due: Mails.Due, _ mails: Mails) async {
        do {
            let data = Data(due.payload.utf8)
            let event = (try? JSONDecoder().decode(Event.self, from: data))?.event ?? ""
            let mail: (subject: String, text: String, html: String)
            if event == HolderInvitationMail.event, let token = due.holderToken {
                let request = try JSONDecoder().decode(Event.self, from: data).requestId.flatMap(UUID.init(uuidString:))
                var about: (holderName: String, entryId: String, edition: String)?
                if let request { about = try await mails.subject(of: request) }
                let qualification = about.flatMap { try? entryName($0.entryId, $0.edition) } ?? BilingualText(zh: "—", en: "—")
                let composed = HolderInvitationMail(
                    organization: due.organizationName ?? "—", qualification: qualification, link: "\(publicURL)/holder/\(token)",
                    validUntil: CalendarDate.today(at: due.createdAt).addingDays(Verifications.holderLinkDays))
                mail = (composed.subject, composed.text, composed.html)
            } else if CatalogAlertMail.isAlert(event) {
                let alert = try JSONDecoder().decode(CatalogAlertMail.Alert.self, from: data)
                let name = try? entryName(alert.entryId, alert.toEdition)
                let composed = CatalogAlertMail(alert: alert, entryName: name, organizationName: due.organizationName, publicURL: publicURL)
                mail = (composed.subject, composed.text, composed.html)
            } else {
                let change = try JSONDecoder().decode(StatusChangeMail.Change.self, from: data)
                var about: (holderName: String, entryId: String, edition: String)?
                if let id = UUID(uuidString: change.requestId) { about = try await mails.subject(of: id) }
                let named = about.map { (holder: $0.holderName, qualification: (try? entryName($0.entryId, $0.edition)) ?? BilingualText(zh: $0.entryId, en: $0.entryId)) }
                let composed = StatusChangeMail(change: change, about: named, organizationName: due.organizationName, publicURL: publicURL)
                mail = (composed.subject, composed.text, composed.html)
            }
            let host = URLComponents(string: publicURL)?.host ?? "credence.local"
            try await transport.send(MailMessage(from: transport.from, to: due.to, subject: mail.subject, text: mail.text, html: mail.html,
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
