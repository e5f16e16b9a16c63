import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 16: catalog alerts as the dashboard shows them.
struct AddCatalogAlerts: AsyncMigration {
    var name: String { "2026-12-01-add-catalog-alerts" }

    func prepare(on database: any Database) async throws {
        // The outbox's columns, so one insert serves all three.
        try await database.schema(CatalogAlertRecord.schema)
            .id()
            .field("employer_id", .uuid, .required)
            .field("payload", .string, .required)
            .field("created_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .create()
        try await database.sql.raw("CREATE INDEX catalog_alerts_employer ON catalog_alerts (employer_id, created_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CatalogAlertRecord.schema).delete()
    }
}
