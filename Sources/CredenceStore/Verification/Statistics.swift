import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Figures for dynamic management (notice, section 四: 跟踪发证情况、从业能力): per entry,
/// per issuing body and per month — requests, outcomes, median days to a result, and the
/// share that could not be verified.
public struct VerificationStatistics: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var key: String
        public var requests: Int
        public var authentic: Int
        public var notAuthentic: Int
        public var unableToVerify: Int
        public var completed: Int
        /// Days from submission to result, median over completed requests; nil when none.
        public var medianDaysToResult: Double?

        public var unableShare: Double? { completed == 0 ? nil : Double(unableToVerify) / Double(completed) }
    }

    public var byEntry: [Row]
    public var byIssuingBody: [Row]
    public var byMonth: [Row]

    struct Item {
        var entry: String
        var body: String
        var month: String
        var outcome: VerificationOutcome?
        var days: Double?
    }

    static func rows(_ items: [Item], by key: (Item) -> String) -> [Row] {
        Dictionary(grouping: items, by: key).map { key, group in
            let days = group.compactMap(\.days).sorted()
            let median: Double? = days.isEmpty ? nil
                : days.count % 2 == 1 ? days[days.count / 2] : (days[days.count / 2 - 1] + days[days.count / 2]) / 2
            return Row(key: key, requests: group.count, authentic: group.filter { $0.outcome == .authentic }.count,
                       notAuthentic: group.filter { $0.outcome == .notAuthentic }.count,
                       unableToVerify: group.filter { $0.outcome == .unableToVerify }.count,
                       completed: group.filter { $0.outcome != nil }.count, medianDaysToResult: median)
        }.sorted { $0.key < $1.key }
    }
}

extension Verifications {
    public func statistics() async throws -> VerificationStatistics {
        // Every request is read (six columns): as SQL rows, since Fluent's per-row reflection
        // made this take seconds once there were tens of thousands.
        let rows = try await database.sql.select()
            .columns("entry_id", "issuing_body_id", "created_at", "completed_at", "outcome")
            .from(VerificationRequestRecord.schema).all()
        let items = try rows.map { row in
            let createdAt = try row.decode(column: "created_at", as: Date.self)
            return VerificationStatistics.Item(
                entry: try row.decode(column: "entry_id", as: String.self), body: try row.decode(column: "issuing_body_id", as: String.self),
                month: String(CalendarDate.today(at: createdAt).description.prefix(7)),
                outcome: try row.decode(column: "outcome", as: String?.self).flatMap(VerificationOutcome.init),
                days: try row.decode(column: "completed_at", as: Date?.self).map { $0.timeIntervalSince(createdAt) / 86_400 })
        }
        return VerificationStatistics(
            byEntry: VerificationStatistics.rows(items) { $0.entry },
            byIssuingBody: VerificationStatistics.rows(items) { $0.body },
            byMonth: VerificationStatistics.rows(items) { $0.month })
    }
}
