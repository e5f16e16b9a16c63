import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

/// `credence keys list | rotate`: the keys results are signed with.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "The signing keys of results (all published in /.well-known/did.json).",
        subcommands: [List.self, Rotate.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every signing key, the current one first.")

        func run() async throws {
            let did = try CredentialIssuer.fromEnvironment().did
            let keys = try await withStore { store in try await store.signingKeys.all() }
            for (index, key) in keys.enumerated() {
                print("\(index == 0 ? "current" : "earlier") \(Timestamps.rfc3339(key.createdAt)) \(did.verificationMethod(for: key.publicKey))")
            }
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a new signing key current. Earlier keys stay published, so every result issued before still verifies.")

        func run() async throws {
            let did = try CredentialIssuer.fromEnvironment().did
            let key = try await withStore { store in try await store.signingKeys.rotate() }
            print("current \(did.verificationMethod(for: key.publicKey))")
        }
    }
}

/// `credence credential verify FILE [--did-document FILE]`.
struct CredentialCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credential", abstract: "Check a W3C credential issued by this service.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a credential. Exit 0 \"valid\", 1 naming the check that failed.")

        @Argument(help: "The credential file (JSON).") var file: String
        @Option(name: .customLong("did-document"), help: "The issuer's DID document (its /.well-known/did.json), to check with no database; status is then not checked.")
        var didDocument: String?

        func run() async throws {
            guard let bytes = FileManager.default.contents(atPath: file) else { throw UserError(message: "Cannot read \(file).") }
            let verdict: CredentialVerdict
            if let didDocument {
                guard let data = FileManager.default.contents(atPath: didDocument), let document = try? StrictJSON.parse(data),
                      let published = DIDWeb.assertionKeys(in: document)
                else { throw UserError(message: "\(didDocument) is not a DID document with Multikey assertion methods.") }
                verdict = await CredentialVerifier(did: published.did, keys: published.keys).verify(bytes, now: Date()) { _, _ in
                    .unavailable(BilingualText(zh: "离线核对，未查撤销状态。", en: "Checked offline: revocation status not looked up."))
                }
            } else {
                let issuer = try CredentialIssuer.fromEnvironment()
                verdict = try await withStore { store in try await store.verifications.verifyCredential(bytes, issuer: issuer) }
            }
            for check in verdict.checks {
                print("\(check.check.rawValue): \(check.result.rawValue) — \(check.message.en)")
            }
            if let failed = verdict.failed {
                throw UserError(message: "invalid: \(failed.check.rawValue): \(failed.message.en)")
            }
            print("valid")
        }
    }
}
