import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Results that lapse (issue 33): authentic, unrevoked results whose certificate expires
/// soon — listed for their employer, and told to them once, by mail and webhook
/// (`verification_request.certificate_expiring`), `ExpiryNotice.days` before.
extension Verifications {
    /// Tells each employer, once, of its authentic results whose certificate expires within
    /// `ExpiryNotice.days`; returns how many. Several instances may run it: the update that
    /// marks a request told is the one that enqueues its messages (`RETURNING`), so each is
    /// told exactly once.
    @discardableResult
    public func notifyExpiring() async throws -> Int {
        let at = now()
        let window = ExpiryNotice.window(today: .today(at: at))
        return try await database.transaction { db in
            let update = db.sql.update(VerificationRequestRecord.schema)
                .set("expiry_notified_at", to: SQLBind(at))
                .where("expiry_notified_at", .is, SQLLiteral.null)
            RequestFilter.expiring(window).applyExpiring(to: update, column: { SQLColumn($0) })
            let rows = try await update.returning("id", "employer_id", "expires_on").all()
            let messages = try rows.map { row in
                let payload = Webhooks.Payload(
                    event: ExpiryNotice.event, requestId: try row.decode(column: "id", as: UUID.self).uuidString.lowercased(),
                    previousStatus: nil, status: VerificationStatus.completed.rawValue, outcome: VerificationOutcome.authentic.rawValue,
                    estimatedCompletionOn: nil, at: Timestamps.rfc3339(at), expiresOn: try row.decode(column: "expires_on", as: String.self))
                return (employer: try row.decode(column: "employer_id", as: UUID.self),
                        payload: String(decoding: try CanonicalJSON.data(payload), as: UTF8.self), at: at)
            }
            try await Webhooks.enqueue(messages, on: db)
            try await Mails.enqueue(messages, on: db)
            return messages.count
        }
    }
}

extension RequestFilter {
    /// Authentic, unrevoked, completed results whose certificate expires within `window`.
    static func expiring(_ window: ClosedRange<CalendarDate>) -> RequestFilter {
        var filter = RequestFilter()
        filter.expiresWithin = window
        return filter
    }

    /// The expiring conditions on any statement that filters (a select or an update).
    func applyExpiring<Builder: SQLPredicateBuilder>(to builder: Builder, column: (String) -> any SQLExpression) {
        guard let window = expiresWithin else { return }
        builder.where(column("status"), .equal, SQLBind(VerificationStatus.completed.rawValue))
            .where(column("outcome"), .equal, SQLBind(VerificationOutcome.authentic.rawValue))
            .where(column("revoked_at"), .is, SQLLiteral.null)
            .where(column("expires_on"), .greaterThanOrEqual, SQLBind(window.lowerBound.description))
            .where(column("expires_on"), .lessThanOrEqual, SQLBind(window.upperBound.description))
    }
}
