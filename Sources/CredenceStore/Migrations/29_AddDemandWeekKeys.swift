import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Search-demand tags under a key of the week (issue 42). Tags made before were an HMAC of
/// a cookie or an address under a key derived from the data key, which anyone holding the
/// data key could reverse by trying addresses. Each stored tag is replaced by a tag of
/// itself under a key made for this migration and never kept: counts of distinct visitors
/// stay as they were, and nothing leads back from them.
struct AddDemandWeekKeys: AsyncMigration {
    var name: String { "2026-12-06-add-demand-week-keys" }

    func prepare(on database: any Database) async throws {
        try await database.schema(DemandWeekKeyRecord.schema)
            .field("week", .string, .identifier(auto: false))
            .field("key", .string, .required)
            .create()
        let forget = WeekTagKey.make()
        let sql = database.sql
        let rows = try await sql.select().column("id").column("tag").from("search_misses").all()
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let tag = try row.decode(column: "tag", as: String.self)
            try await sql.update("search_misses").set("tag", to: SQLBind(forget.tag(tag))).where("id", .equal, SQLBind(id)).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DemandWeekKeyRecord.schema).delete()
    }
}
