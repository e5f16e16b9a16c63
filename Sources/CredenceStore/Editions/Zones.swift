import CredenceCore
import FluentKit
import Foundation

/// The places where the catalog applies, editable by administrators (a new linked
/// innovation zone, a corrected name); each change audited and bumping the catalog version.
public struct Zones: Sendable {
    let database: any Database
    let now: @Sendable () -> Date

    public func save(_ zone: Zone, creating: Bool, by admin: Account) async throws -> Zone {
        let problems = zone.problems()
        guard problems.isEmpty else { throw EditionError.invalid(problems) }
        try await database.transaction { db in
            let existing = try await ZoneRecord.find(zone.id, on: db)
            if creating, existing != nil { throw EditionError.conflict(BilingualText(zh: "已有区域“\(zone.id)”。", en: "There is already a zone '\(zone.id)'.")) }
            if !creating, existing == nil { throw EditionError.notFound(zone.id) }
            try await existing?.delete(on: db)
            try await ZoneRecord(zone).create(on: db)
            try await Editions.bump(on: db)
            try await AuditLog.append(on: db, at: now(), kind: creating ? "zone.added" : "zone.changed", actor: admin.id, subject: zone.id,
                                      email: admin.email, address: nil, detail: "\(zone.kind.rawValue): \(zone.name.zh)")
        }
        return zone
    }
}

extension Store {
    public var zones: Zones { Zones(database: database, now: clock) }
}
