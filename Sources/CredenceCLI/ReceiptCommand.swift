import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation
import Logging

/// `credence receipt verify FILE`: checks a receipt offline — no server, no database.
struct ReceiptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt", abstract: "Check a verification receipt's signature, offline.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a receipt (the JSON of GET /api/v1/verification-requests/{id}/receipt). Exit 0 \"valid\", 1 \"invalid: why\".")

        @Argument(help: "The receipt file.") var file: String
        @Option(name: .customLong("public-key"), help: "The service's Ed25519 public key, base64 (GET /api/v1/public-key). Default: this installation's key.")
        var publicKey: String?

        func run() async throws {
            guard let document = FileManager.default.contents(atPath: file) else {
                throw UserError(message: "Cannot read \(file).")
            }
            let key: Data
            if let publicKey {
                guard let data = Data(base64Encoded: publicKey) else { throw UserError(message: "--public-key must be base64.") }
                key = data
            } else {
                // This installation's key — only if it has one: checking must not create keys.
                let configuration = StoreConfiguration.fromEnvironment()
                let file = configuration.dataFolder().appendingPathComponent("receipt-signing.key").path
                guard ProcessInfo.processInfo.environment["CREDENCE_SIGNING_KEY"] != nil || FileManager.default.fileExists(atPath: file) else {
                    throw UserError(message: "No key here to check with: give --public-key (GET /api/v1/public-key on the service).")
                }
                key = try KeyRing.load(for: configuration).signer.publicKey
            }
            switch ReceiptVerifier.check(document: document, publicKey: key) {
            case .success(let receipt):
                // Say what was verified, read from the signed bytes, so nobody has to trust
                // another reader's view of the file.
                print("valid")
                print("request \(receipt.requestId): \(receipt.outcome.rawValue), \(receipt.entryId), certificate \(receipt.certificateNumber), completed \(receipt.completedAt)"
                      + (receipt.verificationCode.map { ", code \($0)" } ?? ""))
            case .failure(let problem):
                throw UserError(message: "invalid: \(problem.why)")
            }
        }
    }
}

/// `credence audit verify`: walks the hash-chained audit log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit log.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the hash chain. Exit 0 when intact, 1 naming the first event that does not match.")

        func run() async throws {
            let (result, count) = try await withStore { store in (try await store.auditLog.verify(), try await store.auditLog.count()) }
            if let (seq, why) = result {
                throw UserError(message: "broken at event \(seq): \(why)")
            }
            print("intact: \(count) events")
        }
    }
}
