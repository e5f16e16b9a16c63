import CredenceCore
import FluentKit
import Foundation

/// The `verification_requests` table: one row per request, its current state.
final class VerificationRequestRecord: Model, @unchecked Sendable {
    static let schema = "verification_requests"

    @ID(key: .id) var id: UUID?
    /// The employer that made it: the only employer that can see it.
    @Field(key: "employer_id") var employerID: UUID
    @Field(key: "entry_id") var entryID: String
    /// The edition the request was made under.
    @Field(key: "edition_id") var editionID: String
    @Field(key: "issuing_body_id") var issuingBodyID: String
    @Field(key: "holder_name") var holderName: String
    @Field(key: "holder_nationality") var holderNationality: String
    @OptionalField(key: "holder_date_of_birth") var holderDateOfBirth: String?
    /// AES-GCM sealed (see `DataSealer`); never stored in clear.
    @OptionalField(key: "passport_sealed") var passportSealed: String?
    @OptionalField(key: "passport_masked") var passportMasked: String?
    @Field(key: "certificate_number") var certificateNumber: String
    @OptionalField(key: "issued_on") var issuedOn: String?
    @OptionalField(key: "expires_on") var expiresOn: String?
    @OptionalField(key: "note") var note: String?
    @Field(key: "status") var status: String
    @OptionalField(key: "estimated_completion_on") var estimatedCompletionOn: String?
    /// The day of the (latest) acceptance, from which working days to the result are counted.
    @OptionalField(key: "accepted_on") var acceptedOn: String?
    @OptionalField(key: "rejection_reason") var rejectionReason: String?
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "completed_at") var completedAt: Date?
    @OptionalField(key: "verification_code") var verificationCode: String?
    /// The signed receipt: its canonical JSON, the signature and the key id.
    @OptionalField(key: "receipt") var receipt: String?
    @OptionalField(key: "receipt_signature") var receiptSignature: String?
    @OptionalField(key: "receipt_key_id") var receiptKeyID: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// When the retention period erased the holder's personal data, and that period.
    @OptionalField(key: "personal_data_erased_at") var personalDataErasedAt: Date?
    @OptionalField(key: "personal_data_retention_days") var personalDataRetentionDays: Int?
    /// The W3C credential as first issued (its JSON), and its place in a revocation list.
    @OptionalField(key: "credential") var credential: String?
    @OptionalField(key: "status_list") var statusList: Int?
    @OptionalField(key: "status_index") var statusIndex: Int?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "revocation_reason") var revocationReason: String?
    @OptionalField(key: "revocation_note") var revocationNote: String?
    /// The batch (file) it was made from, if any.
    @OptionalField(key: "batch_id") var batchID: UUID?
    @OptionalField(key: "assignee_id") var assigneeID: UUID?
    /// The earlier request this one re-checks (issue 33).
    @OptionalField(key: "previous_request_id") var previousRequestID: UUID?
    /// When the employer was told the certificate expires within 30 days (once).
    @OptionalField(key: "expiry_notified_at") var expiryNotifiedAt: Date?
    /// 复核: asked when, why; decided when, how, with what note; the outcome reviewed.
    @OptionalField(key: "review_requested_at") var reviewRequestedAt: Date?
    @OptionalField(key: "review_reason") var reviewReason: String?
    @OptionalField(key: "review_note") var reviewNote: String?
    @OptionalField(key: "review_decision") var reviewDecision: String?
    @OptionalField(key: "review_decided_at") var reviewDecidedAt: Date?
    @OptionalField(key: "review_decision_note") var reviewDecisionNote: String?
    @OptionalField(key: "review_outcome_reviewed") var reviewOutcomeReviewed: String?
    /// The current result's credential id when a review replaced the first result (nil: the request's id).
    @OptionalField(key: "credential_id") var credentialID: UUID?
    /// Issue 31: the holder's address (sealed; masked beside it), the consent's basis and
    /// when the holder gave it, why the holder ended it, the holder's public-check settings.
    @OptionalField(key: "holder_email_sealed") var holderEmailSealed: String?
    @OptionalField(key: "holder_email_masked") var holderEmailMasked: String?
    @OptionalField(key: "consent_basis") var consentBasis: String?
    @OptionalField(key: "consented_at") var consentedAt: Date?
    @OptionalField(key: "withdrawal_reason") var withdrawalReason: String?
    @OptionalField(key: "public_check_off") var publicCheckOff: Bool?
    @OptionalField(key: "public_check_days") var publicCheckDays: Int?

    init() {}
}

/// The `verification_events` table: every transition, with who, when and why.
final class VerificationEventRecord: Model, @unchecked Sendable {
    static let schema = "verification_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "request_id") var requestID: UUID
    @Field(key: "action") var action: String
    @OptionalField(key: "from_status") var fromStatus: String?
    @Field(key: "to_status") var toStatus: String
    @Field(key: "actor_id") var actorID: UUID
    @Field(key: "actor_role") var actorRole: String
    @Field(key: "at") var at: Date
    @OptionalField(key: "note") var note: String?

    init() {}
}

/// The `attachments` table: the files, in the database, with their SHA-256.
final class AttachmentRecord: Model, @unchecked Sendable {
    static let schema = "attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "request_id") var requestID: UUID
    @Field(key: "file_name") var fileName: String
    @Field(key: "kind") var kind: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "bytes") var bytes: Data
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// The `issuing_bodies` table: the registry, seeded from Resources/issuing-bodies.json.
final class IssuingBodyRecord: Model, @unchecked Sendable {
    static let schema = "issuing_bodies"

    @ID(custom: "id", generatedBy: .user) var id: String?
    /// The body as JSON (`IssuingBody`): small, read whole, edited whole.
    @Field(key: "document") var document: String

    init() {}
}

/// The `webhooks` table: one URL per employer, with the secret its deliveries are signed with.
final class WebhookRecord: Model, @unchecked Sendable {
    static let schema = "webhooks"

    @ID(custom: "id", generatedBy: .user) var id: UUID?  // the employer's id
    @Field(key: "url") var url: String
    @Field(key: "secret") var secret: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
