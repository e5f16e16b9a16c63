import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 17: the contact log and ratings.
struct AddFollowUpsAndRatings: AsyncMigration {
    var name: String { "2026-12-01-add-follow-ups-and-ratings" }

    func prepare(on database: any Database) async throws {
        let timestamp: any SQLExpression = SQLRaw(database.sql.dialect.name == "postgresql" ? "TIMESTAMPTZ" : "DATETIME")
        try await database.sql.create(table: "follow_ups")
            .column("id", type: .custom(SQLRaw("UUID")), .primaryKey(autoIncrement: false))
            .column("request_id", type: .custom(SQLRaw("UUID")), .notNull)
            .column("on_day", type: .text, .notNull)
            .column("channel", type: .text, .notNull)
            .column("note", type: .text)
            .column("officer_id", type: .custom(SQLRaw("UUID")))
            .column("created_at", type: .custom(timestamp), .notNull)
            .run()
        try await database.sql.raw("CREATE INDEX follow_ups_request ON follow_ups (request_id)").run()
        try await database.sql.create(table: "ratings")
            .column("request_id", type: .custom(SQLRaw("UUID")), .primaryKey(autoIncrement: false))
            .column("issuing_body_id", type: .text, .notNull)
            .column("score", type: .int, .notNull)
            .column("comment", type: .text)
            .column("created_at", type: .custom(timestamp), .notNull)
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: "ratings").run()
        try await database.sql.drop(table: "follow_ups").run()
    }
}
