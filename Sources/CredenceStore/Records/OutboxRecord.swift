import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// The `outbox` table (issue 36: it replaced `webhook_outbox` and `mail_outbox`, which
/// repeated each other column for column).
final class OutboxRecord: Model, @unchecked Sendable {
    static let schema = "outbox"

    @ID(key: .id) var id: UUID?
    /// `webhook` or `mail` (`OutboxChannel`).
    @Field(key: "channel") var channel: String
    @Field(key: "employer_id") var employerID: UUID
    @Field(key: "payload") var payload: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    /// Set when the message was given up (`Outbox.maxAttempts` tries, or a permanent refusal).
    @OptionalField(key: "given_up_at") var givenUpAt: Date?
    /// Leased to the instance sending it, until then (`OutboxClaim`).
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    /// Mail to someone without an account (a holder, issue 31): where and what link, sealed;
    /// cleared once delivered.
    @OptionalField(key: "recipient_sealed") var recipientSealed: String?

    init() {}
}
