import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Editions, their entries, and the zones where the catalog applies.
struct CreateCatalogTables: AsyncMigration {
    var name: String { "2026-11-29-create-catalog-tables" }

    func prepare(on database: any Database) async throws {
        try await database.schema(EditionRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("jurisdiction", .string, .required)
            .field("title_zh", .string, .required)
            .field("title_en", .string, .required)
            .field("issued_on", .string)
            .field("effective_on", .string)
            .field("status", .string, .required)
            .field("supersedes", .string)
            .field("notice_ref", .string)
            .create()
        try await database.schema(EntryRecord.schema)
            .id()
            .field("edition_id", .string, .required, .references(EditionRecord.schema, "id"))
            .field("entry_id", .string, .required)
            .field("seq", .int, .required)
            .field("name_zh", .string, .required)
            .field("name_en", .string, .required)
            .field("abbreviations", .array(of: .string), .required)
            .field("region_zh", .string)
            .field("region_en", .string)
            .field("issuer_zh", .string, .required)
            .field("issuer_en", .string, .required)
            .field("fields", .array(of: .string), .required)
            .field("remarks_zh", .string, .required)
            .field("remarks_en", .string, .required)
            .field("title_level", .string)
            .field("min_experience_years", .int)
            .field("requires_local_registration", .bool, .required)
            .field("keywords", .array(of: .string), .required)
            .field("supplementary", .dictionary(of: .string), .required)
            .unique(on: "edition_id", "entry_id")
            .create()
        try await database.schema(ZoneRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("name_zh", .string, .required)
            .field("name_en", .string, .required)
            .field("kind", .string, .required)
            .field("source", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ZoneRecord.schema).delete()
        try await database.schema(EntryRecord.schema).delete()
        try await database.schema(EditionRecord.schema).delete()
    }
}
