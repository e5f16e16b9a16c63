import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Retention (issue 13): when a finished request's personal data was erased, and after how
/// many days.
struct AddPersonalDataErasure: AsyncMigration {
    var name: String { "2026-12-01-add-personal-data-erasure" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        try await database.schema(VerificationRequestRecord.schema).field("personal_data_erased_at", .datetime).update()
        try await database.schema(VerificationRequestRecord.schema).field("personal_data_retention_days", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VerificationRequestRecord.schema).deleteField("personal_data_retention_days").update()
        try await database.schema(VerificationRequestRecord.schema).deleteField("personal_data_erased_at").update()
    }
}
