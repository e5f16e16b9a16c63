import CredenceCore
import FluentKit
import Foundation

/// The places where the catalog applies, editable by administrators (a new linked
/// innovation zone, a corrected name); each change audited and bumping the catalog version.
public struct Zones: Sendable {
    let database: any Database

    public func save(_ zone: Zone, creating: Bool, by admin: Account) async throws -> Zone {
        var problems: [InputError] = []
        let slug = zone.id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if zone.id.isEmpty || zone.id.count > 80 || !slug || zone.id == WorkZone.outsideValue {
            problems.append(InputError("id", zh: "区域编号须为小写字母、数字和连字符。", en: "id must be a slug (not 'outside')."))
        }
        if zone.name.zh.isEmpty || zone.name.en.isEmpty || zone.name.zh.count > 200 || zone.name.en.count > 300 {
            problems.append(InputError("name", zh: "请填写中英文名称。", en: "name needs zh and en."))
        }
        guard problems.isEmpty else { throw EditionError.invalid(problems) }
        try await database.transaction { db in
            let existing = try await ZoneRecord.find(zone.id, on: db)
            if creating, existing != nil { throw EditionError.conflict("There is already a zone '\(zone.id)'.") }
            if !creating, existing == nil { throw EditionError.notFound(zone.id) }
            try await existing?.delete(on: db)
            try await ZoneRecord(zone).create(on: db)
            try await Editions.bump(on: db)
            try await AuditLog.append(on: db, at: Date(), kind: creating ? "zone.added" : "zone.changed", actor: admin.id, subject: zone.id,
                                      email: admin.email, address: nil, detail: "\(zone.kind.rawValue): \(zone.name.zh)")
        }
        return zone
    }
}

extension Store {
    public var zones: Zones { Zones(database: database) }
}
