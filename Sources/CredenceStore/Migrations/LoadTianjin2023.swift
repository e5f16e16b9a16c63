import CredenceCore
import FluentKit

/// Loads the shipped 2023 edition and zones into a new database, all or nothing.
struct LoadTianjin2023: AsyncMigration {
    var name: String { "2026-11-29-load-tianjin-2023" }

    func prepare(on database: any Database) async throws {
        let file = try BundledData.tianjin2023()
        let zones = try BundledData.zones()
        try await database.transaction { db in
            try await EditionRecord(file.edition).create(on: db)
            for entry in file.entries { try await EntryRecord(entry).create(on: db) }
            for zone in zones { try await ZoneRecord(zone).create(on: db) }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.transaction { db in
            try await EntryRecord.query(on: db).filter(\.$editionID == "tianjin-2023").delete()
            try await EditionRecord.query(on: db).filter(\.$id == "tianjin-2023").delete()
        }
    }
}
