import CredenceCore
@testable import CredenceStore
import CredenceTestSupport
import FluentKit
import Foundation
import Logging
import Testing

/// Issue 43's migration on a database holding the data as first shipped: every route and
/// channel nobody confirmed becomes the rewritten files'; what an administrator saved stays.
@Suite struct ReloadSourcedDataTests {
    @Test(arguments: TestDatabase.available)
    func unconfirmedDataIsReloadedAndConfirmedDataStays(database: TestDatabase) async throws {
        try await database.withFreshStore { configuration in
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let store = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
            let routes = try BundledData.benefitRoutes()
            let bodies = try BundledData.issuingBodies()
            // As first shipped: old notes, no `official`, a mirror site among the channels' evidence.
            var old = routes[0]
            old.notes = BilingualText(zh: "未读到任何……", en: "No official page read mentions …")
            old.evidence = old.evidence.map { ChannelEvidence(source: $0.source, quote: $0.quote) }
            var confirmed = routes[1]
            confirmed.confirmation = ChannelConfirmation(by: "The admin", on: "2026-12-04", source: "Telephone call")
            confirmed.confidence = .confirmed
            confirmed.notes = BilingualText(zh: "管理员写的", en: "What the admin typed")
            for route in [old, confirmed] {
                let record = try #require(try await BenefitRouteRecord.find(BenefitRouteRecord.id(route.benefit, route.position), on: store.database))
                record.document = String(decoding: try CanonicalJSON.data(route), as: UTF8.self)
                try await record.save(on: store.database)
            }
            var garp = try #require(bodies.first { $0.id == "garp" })
            garp.channel.url = "https://my.garp.org/DigitalBadgeFRM?id={holderBadgeId}"
            garp.channel.evidence = [ChannelEvidence(source: "public GitHub file (personal portfolio)", quote: "a stranger's badge")]
            let record = try #require(try await IssuingBodyRecord.find("garp", on: store.database))
            record.document = String(decoding: try CanonicalJSON.data(garp), as: UTF8.self)
            try await record.save(on: store.database)

            try await ReloadSourcedData().prepare(on: store.database)

            let stored = try await store.benefitRoutes.all()
            #expect(stored.routes(for: old.benefit).first { $0.position == old.position } == routes[0], "reloaded as the file has it")
            #expect(stored.routes(for: confirmed.benefit).first { $0.position == confirmed.position } == confirmed, "an administrator's stays")
            #expect(stored.all.flatMap(\.evidence).allSatisfy { $0.official != nil } || stored.all.contains { $0.confirmation != nil })
            let registry = try await store.verifications.issuingBodyRegistry()
            #expect(registry.bodies.first { $0.id == "garp" }?.channel == bodies.first { $0.id == "garp" }?.channel)
            #expect(registry.bodies.first { $0.id == "garp" }?.channel.url == nil)
            await store.close()
        }
    }
}
