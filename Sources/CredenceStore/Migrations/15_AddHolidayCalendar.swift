import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 17: the State Council's holiday calendar, 2024–2026 as shipped.
struct AddHolidayCalendar: AsyncMigration {
    var name: String { "2026-12-01-add-holiday-calendar" }

    func prepare(on database: any Database) async throws {
        try await database.sql.create(table: Calendars.table)
            .column("year", type: .int, .primaryKey(autoIncrement: false))
            .column("document", type: .text, .notNull)
            .column("updated_at", type: .custom(SQLRaw(database.sql.dialect.name == "postgresql" ? "TIMESTAMPTZ" : "DATETIME")), .notNull)
            .run()
        try await Calendars.seed(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: Calendars.table).run()
    }
}
