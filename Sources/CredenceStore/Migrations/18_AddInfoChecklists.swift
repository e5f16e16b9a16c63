import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 17: the checklist column.
struct AddInfoChecklists: AsyncMigration {
    var name: String { "2026-12-01-add-info-checklists" }

    func prepare(on database: any Database) async throws {
        try await database.sql.alter(table: VerificationEventRecord.schema).column("checklist", type: .text).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.alter(table: VerificationEventRecord.schema).dropColumn("checklist").run()
    }
}
