/// Where a composed message goes: an SMTP server (`SMTPClient`) when one is configured,
/// otherwise a folder of `.eml` files (`MailFolder`) that administrators read at `/admin/mail`.
public protocol MailTransport: Sendable {
    /// The sender's address written into each message.
    var from: String { get }
    func send(_ message: MailMessage) async throws
}

extension SMTPClient: MailTransport {
    public var from: String { settings.from }
}
