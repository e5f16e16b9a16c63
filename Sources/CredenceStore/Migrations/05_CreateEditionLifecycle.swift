import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Retirements with their reasons, and the catalog's version (what every app instance polls
/// to know the catalog changed, and what publishing locks).
struct CreateEditionLifecycle: AsyncMigration {
    var name: String { "2026-11-29-create-edition-lifecycle" }

    func prepare(on database: any Database) async throws {
        try await database.schema(RetirementRecord.schema)
            .id()
            .field("edition_id", .string, .required, .references(EditionRecord.schema, "id"))
            .field("entry_id", .string, .required)
            .field("reason", .string, .required)
            .field("note", .string)
            .field("entry", .string, .required)
            .unique(on: "edition_id", "entry_id")
            .create()
        try await database.schema(CatalogMetaRecord.schema)
            .field("id", .int, .identifier(auto: false))
            .field("version", .int64, .required)
            .create()
        let meta = CatalogMetaRecord()
        meta.id = 1
        meta.version = 1
        try await meta.create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CatalogMetaRecord.schema).delete()
        try await database.schema(RetirementRecord.schema).delete()
    }
}
