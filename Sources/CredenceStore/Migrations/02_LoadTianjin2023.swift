import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Loads the shipped 2023 edition and zones into a new database, all or nothing.
struct LoadTianjin2023: AsyncMigration {
    var name: String { "2026-11-29-load-tianjin-2023" }

    func prepare(on database: any Database) async throws {
        let file = try BundledData.tianjin2023()
        let zones = try BundledData.zones()
        try await database.transaction { db in
            // The edition's columns as this migration found them: the model has grown since
            // (issue 34's review date and sign-off), and Fluent's create names every field.
            let edition = file.edition
            try await db.sql.insert(into: EditionRecord.schema)
                .columns("id", "jurisdiction", "title_zh", "title_en", "issued_on", "effective_on", "status", "supersedes", "notice_ref")
                .values(SQLBind(edition.id), SQLBind(edition.jurisdiction), SQLBind(edition.title.zh), SQLBind(edition.title.en),
                        sqlValue(edition.issuedOn?.description), sqlValue(edition.effectiveOn?.description), SQLBind(edition.status.rawValue),
                        sqlValue(edition.supersedes), sqlValue(edition.noticeRef))
                .run()
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
