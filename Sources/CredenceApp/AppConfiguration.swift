import CredenceCore
import CredenceMail
import CredenceStore
import Foundation
import Logging

/// Everything the application is started with; read from flags and environment by the
/// CLI, written out by tests.
public struct AppConfiguration: Sendable {
    public var hostname: String
    public var port: Int
    public var store: StoreConfiguration
    public var logLevel: Logger.Level
    /// Adds `GET /_bench/hello`, the bare reference route of the load test.
    public var benchmarkRoutes: Bool
    /// bcrypt's work factor for new passwords: `PasswordHasher.defaultCost` (12) in service;
    /// the tests, which make hundreds of accounts at once, use bcrypt's least.
    public var passwordCost: UInt8 = PasswordHasher.defaultCost
    /// The time every rule reads (tests move it instead of sleeping).
    public var clock: @Sendable () -> Date = { Date() }
    /// Delivers webhooks, follows catalog changes and watches credential revocations (so
    /// verified credentials may be kept) in the background; tests that do these by hand,
    /// step by step, turn it off.
    public var backgroundWork = true
    /// Proxies, TLS and connection limits (`NetworkSettings.fromEnvironment()` in service).
    public var network = NetworkSettings()
    /// How long finished requests keep personal data (`CREDENCE_RETENTION_DAYS`).
    public var retention = RetentionPolicy()
    /// Who results are issued by and where the service is reached (`CREDENCE_PUBLIC_URL`,
    /// `CREDENCE_AUTHORITY_NAME_ZH`, `…_EN`).
    public var issuer = try! CredentialIssuer.fromEnvironment([:])
    /// Whether requests are taken here or employers are sent to the notice's platform (`CREDENCE_VERIFICATION`).
    public var verification = VerificationMode.local
    /// Where mail goes (`CREDENCE_SMTP_URL`, `CREDENCE_MAIL_FROM`); nil writes it to `mailFolder`.
    public var smtp: SMTPSettings?
    /// Told the address (`http://127.0.0.1:8080`) once the server listens (`serve` prints its start-up block).
    public var onListening: (@Sendable (String) -> Void)?
    /// Without SMTP, each message is an `.eml` file here (`/admin/mail` lists them).
    public var mailFolder: MailFolder

    /// SMTP when configured, else the folder.
    public var mailTransport: any MailTransport {
        smtp.map { SMTPClient(settings: $0) } ?? mailFolder
    }

    public init(
        hostname: String = "127.0.0.1", port: Int = 8080, store: StoreConfiguration = .fromEnvironment(),
        logLevel: Logger.Level = .info,
        benchmarkRoutes: Bool = ProcessInfo.processInfo.environment["CREDENCE_BENCHMARK_ROUTES"] == "1"
    ) {
        self.hostname = hostname
        self.port = port
        self.store = store
        self.logLevel = logLevel
        self.benchmarkRoutes = benchmarkRoutes
        self.mailFolder = MailFolder(folder: store.dataFolder().appendingPathComponent("mail"),
                                     from: ProcessInfo.processInfo.environment["CREDENCE_MAIL_FROM"])
    }
}
