import ArgumentParser
import CredenceApp
import CredenceCore
import CredenceStore
import Foundation
import Logging

/// `credence`: serve the product, or read the catalog from the same database.
public struct CredenceCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "credence",
        abstract: "Tianjin's catalog of recognized foreign professional qualifications, served.",
        subcommands: [ServeCommand.self, ServiceStandardsCommand.self, CatalogCommand.self, BenefitsCommand.self, UsersCommand.self, ReceiptCommand.self, VerifyCommand.self, AuditCommand.self, EditionCommand.self,
                      BackupCommand.self, RestoreCommand.self, PurgeCommand.self, KeysCommand.self, CredentialCommand.self])

    public init() {}

    /// Logging for the process (once, by the executable): one line per event on stderr.
    public static func bootstrapLogging() {
        LoggingSystem.bootstrap { LineLogHandler(label: $0) }
    }

    /// Runs the command line and returns the exit status: 0 on success, 1 on a user error
    /// (message on stderr). Bad input never ends in a crash trace.
    public static func run(_ arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                return 0
            }
            let message: String
            switch error {
            case let error as UserError: message = error.message
            case let error as ProfileError: message = BenefitsCommand.message(for: error)
            case let error as AccountError: message = Self.message(for: error)
            case let error as any DescribedError: message = error.message.en
            default: message = fullMessage(for: error)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            return 1
        }
    }
}

extension CredenceCommand {
    static func message(for error: AccountError) -> String {
        switch error {
        // A problem that names its field names the flag here: "--role must be …".
        case .invalid(let problems):
            problems.map { problem in
                FieldLabel.replacing(problem.field, in: problem.message.en, with: "--" + (problem.field ?? "")) ?? problem.message.en
            }.joined(separator: " ")
        case .emailTaken: "An account with this email already exists."
        case .noSuchAccount(let email): "No account '\(email)'."
        default: error.message.en
        }
    }
}

/// A mistake in what the user asked for, said in words they can act on.
struct UserError: Error {
    var message: String

    init(message: String) { self.message = message }

    /// A setting the core refused: its problems, in English.
    init(_ invalid: InvalidInput) { message = invalid.problems.map(\.message.en).joined(separator: " ") }
}
