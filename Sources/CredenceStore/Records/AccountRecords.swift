import CredenceCore
import FluentKit
import Foundation

/// The `users` table: employers, officers and administrators.
final class UserRecord: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    /// Lower-cased; unique.
    @Field(key: "email") var email: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    /// The contact's name (employers) or the staff member's.
    @Field(key: "name") var name: String
    @OptionalField(key: "organization_name") var organizationName: String?
    /// Whether an employer gets email on status changes (nil: never set, which is on).
    @OptionalField(key: "email_notifications") var emailNotifications: Bool?
    @OptionalField(key: "unified_social_credit_code") var unifiedSocialCreditCode: String?
    @OptionalField(key: "phone") var phone: String?
    /// Base32 TOTP secret of staff.
    @OptionalField(key: "totp_secret") var totpSecret: String?
    /// The TOTP step last accepted, so a code cannot be used twice.
    @OptionalField(key: "totp_last_step") var totpLastStep: Int64?
    @OptionalField(key: "totp_confirmed_at") var totpConfirmedAt: Date?
    @OptionalField(key: "disabled_at") var disabledAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "password_changed_at") var passwordChangedAt: Date
    /// A reviewer's department.
    @OptionalField(key: "department_id") var departmentID: String?

    init() {}
}

/// The `sessions` table: one row per signed-in browser. The id is the SHA-256 of the
/// cookie's value, so the table alone cannot be used to sign in.
final class SessionRecord: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}

/// The `api_tokens` table: bearer tokens, stored as SHA-256 hashes.
final class APITokenRecord: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}
}

/// The `audit_events` table: a hash chain (see `AuditLink`) ordered by `seq`.
final class AuditEventRecord: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "seq") var seq: Int64
    @Field(key: "at_ms") var atMilliseconds: Int64
    @Field(key: "kind") var kind: String
    @OptionalField(key: "actor_id") var actorID: String?
    @OptionalField(key: "subject_id") var subjectID: String?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "address") var address: String?
    @OptionalField(key: "detail") var detail: String?
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    var link: AuditLink {
        AuditLink(seq: seq, atMilliseconds: atMilliseconds, kind: kind, actorId: actorID, subjectId: subjectID, email: email,
                  address: address, detail: detail, previousHash: previousHash)
    }
}
