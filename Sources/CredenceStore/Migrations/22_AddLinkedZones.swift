import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 22 (rules v2): the linked innovation zones a source names join the FTZ areas. A
/// database made before them gets each one it does not already hold; an administrator's
/// own zones are left as they are.
struct AddLinkedZones: AsyncMigration {
    var name: String { "2026-12-01-add-linked-zones" }

    func prepare(on database: any Database) async throws {
        let held = Set(try await ZoneRecord.query(on: database).all().compactMap(\.id))
        for zone in try BundledData.zones() where zone.kind != .ftzArea && !held.contains(zone.id) {
            try await ZoneRecord(zone).create(on: database)
        }
    }

    func revert(on database: any Database) async throws {}
}
