import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

/// `credence purge [--dry-run]`: erases the personal data of requests finished longer ago
/// than `CREDENCE_RETENTION_DAYS` (default 180) — what the server's daily job does.
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Erase passport numbers, dates of birth and attachments of requests finished more than CREDENCE_RETENTION_DAYS (180) days ago.")

    @Flag(help: "List what would be erased; change nothing.") var dryRun = false

    func run() async throws {
        let policy: RetentionPolicy
        do {
            policy = try RetentionPolicy.fromEnvironment()
        } catch {
            throw UserError(error)
        }
        let dryRun = dryRun
        let listed = try await withStore { store in
            dryRun ? try await store.verifications.dueForErasure(policy) : try await store.verifications.erase(policy)
        }
        for candidate in listed {
            print("\(candidate.id.uuidString.lowercased())  \(candidate.status.rawValue)  finished \(Timestamps.rfc3339(candidate.finishedAt))  \(candidate.attachments) attachments")
        }
        let verb = dryRun ? "would erase" : "erased"
        print("\(verb) the personal data of \(listed.count) request\(listed.count == 1 ? "" : "s") finished more than \(policy.days) days ago.")
    }
}
