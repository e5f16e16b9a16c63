import CredenceCore
import FluentKit
import Foundation
import SQLKit

extension Verifications {
    public func statistics() async throws -> VerificationStatistics {
        // Every request is read (six columns): as SQL rows, since Fluent's per-row reflection
        // made this take seconds once there were tens of thousands.
        let requests = VerificationRequestRecord.schema
        let rows = try await database.sql.select()
            .columns(["entry_id", "issuing_body_id", "created_at", "completed_at", "outcome"].map { SQLColumn($0, table: requests) as any SQLExpression })
            .column(SQLColumn("score", table: "ratings"))
            .from(requests)
            .join("ratings", method: SQLJoinMethod.left, on: SQLColumn("request_id", table: "ratings"), .equal, SQLColumn("id", table: requests))
            .all()
        let items = try rows.map { row in
            let createdAt = try row.decode(column: "created_at", as: Date.self)
            return VerificationStatistics.Item(
                entry: try row.decode(column: "entry_id", as: String.self), body: try row.decode(column: "issuing_body_id", as: String.self),
                month: String(CalendarDate.today(at: createdAt).description.prefix(7)),
                outcome: try row.decode(column: "outcome", as: String?.self).flatMap(VerificationOutcome.init),
                days: try row.decode(column: "completed_at", as: Date?.self).map { $0.timeIntervalSince(createdAt) / 86_400 },
                rating: try row.decode(column: "score", as: Int?.self))
        }
        return VerificationStatistics(items)
    }
}
