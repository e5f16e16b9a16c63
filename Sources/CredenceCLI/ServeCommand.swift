import ArgumentParser
import CredenceApp
import CredenceCore
import CredenceMail
import CredenceStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `credence serve`: the whole product on one port.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web pages and the JSON API (SQLite in ./credence-data unless DATABASE_URL is set).")

    @Option(help: "The address to listen on.")
    var hostname = "127.0.0.1"

    @Option(help: "The port to listen on (1-65535).")
    var port = 8080

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    @Option(help: "Serve HTTPS (HTTP/2 where offered) with this PEM certificate chain (or CREDENCE_TLS_CERTIFICATE).")
    var tlsCertificate: String?

    @Option(help: "The PEM private key of --tls-certificate (or CREDENCE_TLS_KEY).")
    var tlsKey: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535; got \(port).") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical.")
        }
        guard (tlsCertificate == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-certificate and --tls-key go together: give both PEM files, or neither.")
        }
    }

    func run() async throws {
        var configuration = AppConfiguration(
            hostname: hostname, port: port, store: .fromEnvironment(), logLevel: Logger.Level(rawValue: logLevel) ?? .info)
        do {
            configuration.network = try NetworkSettings.fromEnvironment()
            configuration.retention = try RetentionPolicy.fromEnvironment()
            _ = try ReviewPolicy.fromEnvironment()  // the store reads these; refused here, at start
            _ = try PublicCheckPolicy.fromEnvironment()
            _ = try ReviewInterval.fromEnvironment()
            configuration.issuer = try CredentialIssuer.fromEnvironment(localPort: port)
            configuration.verification = try VerificationMode.fromEnvironment()
            configuration.smtp = try SMTPSettings.fromEnvironment()
        } catch let error as InvalidInput {
            throw UserError(error)
        } catch {
            throw UserError(message: "\(error)")
        }
        if let tlsCertificate, let tlsKey {
            configuration.network.tls = .init(certificate: tlsCertificate, key: tlsKey)
        }
        configuration.onListening = { [configuration] address in
            // One block on standard output, written at once (print would wait in a pipe's buffer).
            FileHandle.standardOutput.write(Data((StartupReport(address: address, configuration: configuration).lines.joined(separator: "\n") + "\n").utf8))
        }
        let app = try await openingStore(configuration.store) { try await buildApplication(configuration) }
        // SIGTERM or SIGINT: stop accepting, let requests under way finish (at most 10 s),
        // then the background work, then close the database; exit 0.
        var group = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: Logger(label: "credence"))
        group.maximumGracefulShutdownDuration = .seconds(10)
        group.maximumCancellationDuration = .seconds(3)
        try await ServiceGroup(configuration: group).run()
    }
}

/// Runs `open`, turning a database that cannot be opened into a message naming it.
func openingStore<T>(_ configuration: StoreConfiguration, _ open: () async throws -> T) async throws -> T {
    do {
        return try await open()
    } catch let error as StoreError {
        throw UserError(message: error.description)
    } catch let error as NetworkSettingsError {
        throw UserError(message: error.message)
    } catch {
        throw UserError(message: "Cannot open the database (\(configuration)): \(error)")
    }
}

/// Runs `body` with the database the server would use.
func withStore<T: Sendable>(_ body: (Store) async throws -> T) async throws -> T {
    var logger = Logger(label: "credence")
    logger.logLevel = .warning
    let configuration = StoreConfiguration.fromEnvironment()
    let store = try await openingStore(configuration) { try await Store.open(configuration, logger: logger, passwords: PasswordHasher()) }
    do {
        let result = try await body(store)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}
