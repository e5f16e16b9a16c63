import CredenceCore
@testable import CredenceStore
import CredenceTestSupport
import Foundation
import Logging
import Testing

/// Issue 21's migration on a database written before it: channels nobody touched become the
/// registry's, with evidence and confidence; a channel an administrator corrected keeps
/// what they typed and becomes confirmed by them on the day the audit log records.
@Suite struct ChannelRegistryMigrationTests {
    @Test(arguments: TestDatabase.available)
    func correctedChannelsStayAndBecomeConfirmedTheRestTakeTheRegistry(database: TestDatabase) async throws {
        try await database.withFreshStore { configuration in
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let store = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
            let (admin, _) = try await TestAccounts.staff(.admin, on: store)
            // As stored before: the old shape, one of them corrected by the administrator.
            let legacy = #"{"channel":{"inputs":["certificateNumber"],"kind":"written_request","source":"Letter from the GPhC","typicalWorkingDays":9,"url":null},"entries":["uk-pharmacist"],"id":"gphc","name":{"en":"General Pharmaceutical Council","zh":"英国药剂师管理委员会"}}"#
            for id in ["gphc", "ifoa"] {
                let record = try #require(try await IssuingBodyRecord.find(id, on: store.database))
                record.document = id == "gphc" ? legacy : legacy.replacingOccurrences(of: "gphc", with: "ifoa")
                try await record.save(on: store.database)
            }
            let noonInBeijing = try #require(ISO8601DateFormatter().date(from: "2026-11-25T04:00:00Z"))
            try await AuditLog.append(on: store.database, at: noonInBeijing, kind: "issuing_body.changed", actor: admin.id, subject: "gphc",
                                      email: admin.email, address: nil, detail: "{}")

            try await AddChannelRegistry().prepare(on: store.database)

            let registry = try await store.verifications.issuingBodyRegistry()
            let gphc = registry.body(for: "uk-pharmacist").channel
            #expect(gphc.url == nil && gphc.typicalWorkingDays == 9 && gphc.inputs == ["certificateNumber"])
            #expect(gphc.confidence == .confirmed)
            #expect(gphc.confirmation == ChannelConfirmation(by: "The admin", on: "2026-11-25", source: "Letter from the GPhC"))
            let found = try BundledData.issuingBodies().first { $0.id == "gphc" }?.channel.evidence
            #expect(gphc.evidence == found, "the evidence as found")
            let bundled = Dictionary(uniqueKeysWithValues: try BundledData.issuingBodies().map { ($0.id, $0.channel) })
            #expect(registry.body(for: "fia-ffa").channel == bundled["ifoa"])
            #expect(registry.bodies.count == bundled.count)
            await store.close()
        }
    }
}
