import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 18: the search terms, for every request there is.
struct AddRequestSearch: AsyncMigration {
    var name: String { "2026-12-01-add-request-search" }

    func prepare(on database: any Database) async throws {
        // Byte order on PostgreSQL, as on SQLite: the prefix range is then one index range.
        let text = database.sql.dialect.name == "postgresql" ? "TEXT COLLATE \"C\"" : "TEXT"
        try await database.sql.raw("CREATE TABLE request_search_terms (request_id UUID NOT NULL, term \(unsafeRaw: text) NOT NULL)").run()
        try await database.sql.raw("CREATE INDEX request_search_terms_term ON request_search_terms (term, request_id)").run()
        try await database.sql.raw("CREATE INDEX request_search_terms_request ON request_search_terms (request_id)").run()
        let rows = try await database.sql.select().columns("id", "holder_name", "certificate_number", "verification_code", "personal_data_erased_at")
            .from(VerificationRequestRecord.schema).all()
        try await SearchTerms.insert(try rows.map { row in
            let erased = try row.decode(column: "personal_data_erased_at", as: Date?.self) != nil
            return (try row.decode(column: "id", as: UUID.self),
                    SearchTerms.terms(holderName: erased ? nil : try row.decode(column: "holder_name", as: String.self),
                                      certificateNumber: try row.decode(column: "certificate_number", as: String.self),
                                      code: try row.decode(column: "verification_code", as: String?.self)))
        }, on: database.sql)
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: "request_search_terms").run()
    }
}
