import Foundation

/// How Credence meets the network: whose forwarded headers to believe, TLS, and the
/// connection discipline that keeps idle or half-sent connections from crowding out others.
public struct NetworkSettings: Sendable {
    /// `CREDENCE_TRUSTED_PROXIES`.
    public var trustedProxies: TrustedProxies = .none
    /// `--tls-certificate` / `CREDENCE_TLS_CERTIFICATE` and `--tls-key` / `CREDENCE_TLS_KEY` (PEM).
    public var tls: TLSFiles?
    /// A connection must finish a request's head this long after it opens
    /// (`CREDENCE_HEADER_TIMEOUT_SECONDS`, default 10).
    public var headerTimeout: Duration = .seconds(10)
    /// A keep-alive connection with no request is closed after this long
    /// (`CREDENCE_IDLE_TIMEOUT_SECONDS`, default 60).
    public var idleTimeout: Duration = .seconds(60)
    /// Connections open at once; beyond, a new one is closed at once
    /// (`CREDENCE_MAX_CONNECTIONS`; default: the open-file limit less 1,024 kept for the
    /// database, files and outgoing webhooks).
    public var maxConnections: Int?

    public init() {}

    public struct TLSFiles: Sendable, Equatable {
        public var certificate: String
        public var key: String

        public init(certificate: String, key: String) {
            self.certificate = certificate
            self.key = key
        }
    }

    /// Reads the variables above; throws a message naming the variable and what it accepts.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> NetworkSettings
    {
        var settings = NetworkSettings()
        do {
            settings.trustedProxies = try TrustedProxies(parsing: environment["CREDENCE_TRUSTED_PROXIES"] ?? "")
        } catch {
            throw NetworkSettingsError(message: error.description)
        }
        switch (environment["CREDENCE_TLS_CERTIFICATE"], environment["CREDENCE_TLS_KEY"]) {
        case (nil, nil): break
        case (let certificate?, let key?): settings.tls = TLSFiles(certificate: certificate, key: key)
        default: throw NetworkSettingsError(message: "CREDENCE_TLS_CERTIFICATE and CREDENCE_TLS_KEY go together: set both PEM files, or neither.")
        }
        func seconds(_ name: String, _ range: ClosedRange<Int>) throws -> Duration? {
            guard let text = environment[name] else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw NetworkSettingsError(message: "\(name) must be a whole number of seconds from \(range.lowerBound) to \(range.upperBound); got \"\(text)\".")
            }
            return .seconds(value)
        }
        settings.headerTimeout = try seconds("CREDENCE_HEADER_TIMEOUT_SECONDS", 1...300) ?? settings.headerTimeout
        settings.idleTimeout = try seconds("CREDENCE_IDLE_TIMEOUT_SECONDS", 1...3600) ?? settings.idleTimeout
        if let text = environment["CREDENCE_MAX_CONNECTIONS"] {
            guard let value = Int(text), value >= 16 else {
                throw NetworkSettingsError(message: "CREDENCE_MAX_CONNECTIONS must be a whole number of at least 16; got \"\(text)\".")
            }
            settings.maxConnections = value
        }
        return settings
    }
}

public struct NetworkSettingsError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
