import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import Logging
import Testing

/// `credence backup` and `credence restore`: a round trip loses nothing, and what came after
/// the backup is gone after the restore.
@Suite struct BackupCLITests {
    @Test(arguments: TestDatabase.available)
    func aBackupRestoresExactly(database: TestDatabase) async throws {
        try await database.withFreshStore { configuration in
            let environment = CredenceStoreEnvironment(configuration)
            try await withTemporaryFolder("backup") { folder in
                var logger = Logger(label: "test")
                logger.logLevel = .warning
                var store = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
                let employer = try await TestAccounts.employer("Acme", on: store)
                let catalog = try await store.loadCatalog()
                let draft = VerificationDraft(entryId: "cfa", holderName: "Before Backup", holderNationality: "US", passportNumber: "X1234567",
                                              certificateNumber: "1", holderConsent: true)
                let kept = try await store.verifications.submit(draft, by: employer, catalog: catalog)
                await store.close()

                let file = folder.appendingPathComponent("credence.backup").path
                let backup = try CLITests.run(["backup", file], store: environment)
                #expect(backup.status == 0, "\(backup.stderr)")
                #expect(try CLITests.run(["backup", file], store: environment).status == 1, "never overwrites")

                store = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
                var after = draft
                after.holderName = "After Backup"
                _ = try await store.verifications.submit(after, by: employer, catalog: catalog)
                await store.close()

                let restore = try CLITests.run(["restore", file], store: environment)
                #expect(restore.status == 0, "\(restore.stderr)")
                store = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
                let requests = try await store.verifications.list(for: employer).requests
                #expect(requests.map(\.holderName) == ["Before Backup"])
                let detail = try await store.verifications.request(kept.id, for: employer)
                #expect(detail.passportNumber == "X1234567", "the data key came back with the data")
                #expect(try await store.auditLog.verify() == nil)
                await store.close()
                #expect(try CLITests.run(["restore", folder.appendingPathComponent("none").path], store: environment).status == 1)
            }
        }
    }
}
