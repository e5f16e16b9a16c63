import CredenceCore
import Foundation

/// A verification request as the rest of Credence sees it. `passportNumber` is present
/// only when the request was read for its own detail view by someone allowed to see it.
public struct VerificationRequest: Sendable, Equatable {
    public var id: UUID
    public var employerId: UUID
    public var organizationName: String?
    public var entryId: String
    public var edition: String
    public var issuingBodyId: String
    public var holderName: String
    public var holderNationality: String
    public var holderDateOfBirth: String?
    public var passportNumber: String?
    public var passportMasked: String?
    public var certificateNumber: String
    public var issuedOn: String?
    public var expiresOn: String?
    public var note: String?
    public var status: VerificationStatus
    public var estimatedCompletionOn: String?
    public var rejectionReason: RejectionReason?
    public var outcome: VerificationOutcome?
    public var completedAt: Date?
    public var verificationCode: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var history: [Event]
    public var attachments: [Attachment]

    public struct Event: Sendable, Equatable {
        public var action: VerificationAction
        public var from: VerificationStatus?
        public var to: VerificationStatus
        public var actorRole: Role
        public var at: Date
        public var note: String?
    }

    public struct Attachment: Sendable, Equatable {
        public var id: UUID
        public var fileName: String
        public var kind: AttachmentKind
        public var size: Int
        public var sha256: String
        public var createdAt: Date
    }
}

/// A completed request's receipt as served: the receipt, its signature, the key's id.
public struct SignedReceipt: Sendable, Equatable {
    public var receipt: JSONValue
    public var signature: String
    public var keyId: String
}

/// What anyone may see of an authentic result, by its code.
public struct PublicCheck: Sendable, Equatable {
    public var code: String
    public var outcome: VerificationOutcome
    public var entryId: String
    public var edition: String
    public var completedOn: String
    public var holderNameMasked: String
}

/// Why a verification operation was refused.
public enum VerificationError: Error, Equatable, Sendable {
    case invalid([InputError])
    /// No such request, or not this employer's: the same answer (404).
    case notFound
    case illegal(IllegalTransition)
    case attachmentTooLarge
    case attachmentType
    case attachmentEmpty
    case tooManyAttachments
    /// The employer's attachments would pass its storage quota (bytes).
    case quotaExceeded(quota: Int)
}
