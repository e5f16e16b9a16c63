import Foundation

/// Where mail goes: `CREDENCE_SMTP_URL` — `smtp://user:pass@host:port` (STARTTLS when the
/// server offers it) or `smtps://…` (TLS from the first byte) — and `CREDENCE_MAIL_FROM`.
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var implicitTLS: Bool
    public var username: String?
    public var password: String?
    public var from: String
    /// `CREDENCE_SMTP_CA_FILE`: PEM certificates to trust for the server's TLS instead of the
    /// system's (a private mail server's own authority).
    public var trustRootsFile: String? = nil

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    /// nil when `CREDENCE_SMTP_URL` is not set (mail then waits in the outbox).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(Invalid) -> SMTPSettings? {
        guard let text = environment["CREDENCE_SMTP_URL"], !text.isEmpty else { return nil }
        guard let url = URLComponents(string: text), let scheme = url.scheme, ["smtp", "smtps"].contains(scheme), let host = url.host, !host.isEmpty
        else { throw Invalid(description: "CREDENCE_SMTP_URL must look like smtp://user:pass@host:port or smtps://…") }
        let from = environment["CREDENCE_MAIL_FROM"] ?? ""
        guard MailMessage.isAddress(from) else {
            throw Invalid(description: "CREDENCE_MAIL_FROM must be the sender's address (name@domain) when CREDENCE_SMTP_URL is set.")
        }
        var settings = SMTPSettings(host: host, port: url.port ?? (scheme == "smtps" ? 465 : 587), implicitTLS: scheme == "smtps",
                                    username: url.user?.removingPercentEncoding, password: url.password?.removingPercentEncoding, from: from)
        if let roots = environment["CREDENCE_SMTP_CA_FILE"], !roots.isEmpty {
            guard FileManager.default.isReadableFile(atPath: roots) else {
                throw Invalid(description: "CREDENCE_SMTP_CA_FILE must be a readable PEM file; \(roots) is not.")
            }
            settings.trustRootsFile = roots
        }
        return settings
    }

    public init(host: String, port: Int, implicitTLS: Bool = false, username: String? = nil, password: String? = nil, from: String) {
        self.host = host
        self.port = port
        self.implicitTLS = implicitTLS
        self.username = username
        self.password = password
        self.from = from
    }
}
