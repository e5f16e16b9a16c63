import CredenceCore
@testable import CredenceStore
import CredenceTestSupport
import FluentKit
import Logging
import Testing

/// Issue 22's migration on a database made before it: the linked innovation zones a source
/// names join the three FTZ areas; a zone an administrator added stays; running it twice
/// adds nothing.
@Suite struct LinkedZonesMigrationTests {
    @Test(arguments: TestDatabase.available)
    func theLinkedZonesJoinAnOlderDatabaseOnce(database: TestDatabase) async throws {
        try await database.withFreshStore { configuration in
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let store = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
            // As it was before: the FTZ areas only, and one zone of the administrator's.
            try await ZoneRecord.query(on: store.database).filter(\.$kind == ZoneKind.linkedInnovationZone.rawValue).delete()
            let own = Zone(id: "tianjin-some-base", name: BilingualText(zh: "某创新实践基地", en: "Some innovation practice base"),
                           kind: .innovationPracticeBase, source: "An administrator's letter")
            try await ZoneRecord(own).create(on: store.database)

            try await AddLinkedZones().prepare(on: store.database)
            try await AddLinkedZones().prepare(on: store.database)

            let zones = try await store.loadCatalog().zones
            #expect(zones.count == 6)
            #expect(Set(zones.filter { $0.kind == .linkedInnovationZone }.map(\.id)) == ["binhai-hitech-linked", "sino-singapore-eco-city-linked"])
            #expect(zones.contains(own))
            await store.close()
        }
    }
}
