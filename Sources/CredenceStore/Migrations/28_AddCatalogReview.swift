import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 34, section 四 as a process: the departments that sign off a new edition (the
/// notice's seven, as it prints them), a reviewer's department, each edition's review date
/// and sign-off, the entries' review notes, and the demand for new entries — public
/// searches that found little (query and week only) and proposals.
struct AddCatalogReview: AsyncMigration {
    var name: String { "2026-12-04-add-catalog-review" }

    func prepare(on database: any Database) async throws {
        try await database.schema(DepartmentRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("document", .string, .required)
            .field("position", .int, .required)
            .create()
        for (position, department) in Department.noticeIssuers.enumerated() {
            let record = DepartmentRecord()
            record.id = department.id
            record.document = String(decoding: try CanonicalJSON.data(department), as: UTF8.self)
            record.position = position
            try await record.create(on: database)
        }
        try await database.schema(UserRecord.schema).field("department_id", .string).update()
        try await database.schema(EditionRecord.schema).field("review_due_on", .string).update()
        try await database.schema(EditionRecord.schema).field("sign_off", .string).update()
        // An edition published before: due a year (the default interval) after it took effect.
        for edition in try await EditionRecord.query(on: database).all() where edition.status != EditionStatus.draft.rawValue {
            if let effective = edition.effectiveOn.flatMap(CalendarDate.init) {
                edition.reviewDueOn = ReviewInterval().due(effectiveOn: effective).description
                try await edition.save(on: database)
            }
        }
        try await database.schema(ReviewNoteRecord.schema)
            .id()
            .field("entry_id", .string, .required)
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("source", .string)
            .field("by_id", .uuid)
            .field("by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.raw("CREATE INDEX review_notes_entry ON review_notes (entry_id, created_at)").run()
        try await database.schema(SearchMissRecord.schema)
            .id()
            .field("week", .string, .required)
            .field("query", .string, .required)
            .field("tag", .string, .required)
            .unique(on: "week", "query", "tag")
            .create()
        try await database.schema(ProposalRecord.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("name", .string, .required)
            .field("issuer", .string, .required)
            .field("region", .string, .required)
            .field("work_field", .string, .required)
            .field("why", .string, .required)
            .field("contact_sealed", .string)
            .field("status", .string, .required)
            .field("decision_reason", .string)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [ProposalRecord.schema, SearchMissRecord.schema, ReviewNoteRecord.schema, DepartmentRecord.schema] {
            try await database.schema(schema).delete()
        }
        try await database.schema(EditionRecord.schema).deleteField("sign_off").update()
        try await database.schema(EditionRecord.schema).deleteField("review_due_on").update()
        try await database.schema(UserRecord.schema).deleteField("department_id").update()
    }
}
