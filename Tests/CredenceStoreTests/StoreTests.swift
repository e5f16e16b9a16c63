import CredenceStore
import CredenceTestSupport
import Logging
import Testing

/// The database: created, migrated and loaded once, on either engine.
@Suite struct StoreTests {
    @Test(arguments: TestDatabase.available)
    func aNewDatabaseIsLoadedOnceAndOnlyOnce(database: TestDatabase) async throws {
        try await database.withFreshStore { configuration in
            let logger = Logger(label: "test")
            let first = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
            let catalog = try await first.loadCatalog()
            #expect(catalog.entries(of: "tianjin-2023")?.count == 27)
            #expect(catalog.zones.count == 5)
            await first.close()
            // Opening again runs no migration twice and duplicates nothing.
            let second = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
            let again = try await second.loadCatalog()
            await second.close()
            #expect(again.entries(of: "tianjin-2023") == catalog.entries(of: "tianjin-2023"))
            #expect(again.editions == catalog.editions)
        }
    }

    @Test func aBadDatabaseURLIsNamedNotCrashedOn() async throws {
        await #expect(throws: StoreError.self) {
            _ = try await Store.open(.postgres(url: "mysql://nowhere"), logger: Logger(label: "test"), passwords: TestPasswords.hasher())
        }
    }
}
