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
    /// Set once the retention period erased the holder's personal data.
    public var erasure: PersonalDataErasure?
    /// Set when an officer withdrew the result.
    public var revocation: Revocation?
    /// The officer working on it (staff see it; never an employer).
    public var assigneeId: UUID?
    /// The earlier request this one re-checks (issue 33), and that request's result.
    public var previousRequestId: UUID?
    /// The review asked of this result, and its decision once taken (复核).
    public var review: ResultReview?
    /// The holder's address, masked (issue 31); set when the holder consents themself.
    public var holderEmailMasked: String?
    /// Whose consent the request rests on, with the holder's records (read for a detail view).
    public var consent = ConsentStanding(basis: .employerAttestation, at: nil, consents: [])

    /// The holder was invited and has not given both consents: the request cannot be accepted yet.
    public var awaitsHolderConsent: Bool { consent.basis == .holder && consent.at == nil }
    /// Why it ended withdrawn when the holder ended it.
    public var withdrawalReason: WithdrawalReason?
    /// The holder's public-check settings: switched off, and the days from the result (nil: the policy's).
    public var publicCheckOff = false
    public var publicCheckDays: Int?
    /// Still open after its due date (`dueOn`), as of when it was read.
    public var overdue = false
    /// When it is due: the estimate given at acceptance, in working days.
    public var dueOn: String? { estimatedCompletionOn }

    /// Open and past `dueOn` on `today`.
    public func isOverdue(today: CalendarDate) -> Bool {
        !status.isFinal && status != .submitted && status != .underReview && (estimatedCompletionOn.flatMap(CalendarDate.init).map { $0 < today } ?? false)
    }

    public init(id: UUID, employerId: UUID, organizationName: String?, entryId: String, edition: String, issuingBodyId: String,
                holderName: String, holderNationality: String, holderDateOfBirth: String?, passportNumber: String?,
                passportMasked: String?, certificateNumber: String, issuedOn: String?, expiresOn: String?, note: String?,
                status: VerificationStatus, estimatedCompletionOn: String?, rejectionReason: RejectionReason?,
                outcome: VerificationOutcome?, completedAt: Date?, verificationCode: String?, createdAt: Date, updatedAt: Date,
                history: [Event], attachments: [Attachment], previousRequestId: UUID? = nil) {
        self.id = id
        self.employerId = employerId
        self.organizationName = organizationName
        self.entryId = entryId
        self.edition = edition
        self.issuingBodyId = issuingBodyId
        self.holderName = holderName
        self.holderNationality = holderNationality
        self.holderDateOfBirth = holderDateOfBirth
        self.passportNumber = passportNumber
        self.passportMasked = passportMasked
        self.certificateNumber = certificateNumber
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.note = note
        self.status = status
        self.estimatedCompletionOn = estimatedCompletionOn
        self.rejectionReason = rejectionReason
        self.outcome = outcome
        self.completedAt = completedAt
        self.verificationCode = verificationCode
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.history = history
        self.attachments = attachments
        self.previousRequestId = previousRequestId
    }

    public struct Event: Sendable, Equatable {
        public var action: VerificationAction
        public var from: VerificationStatus?
        public var to: VerificationStatus
        public var actorRole: Role
        public var at: Date
        public var note: String?
        /// On `request_info`: everything asked for (一次性告知).
        public var items: [InfoItem]?
        /// On `resubmit`: the answers to the checklist before it.
        public var answers: [InfoAnswer]?

        public init(action: VerificationAction, from: VerificationStatus?, to: VerificationStatus, actorRole: Role, at: Date, note: String?,
                    items: [InfoItem]? = nil, answers: [InfoAnswer]? = nil) {
            self.action = action
            self.from = from
            self.to = to
            self.actorRole = actorRole
            self.at = at
            self.note = note
            self.items = items
            self.answers = answers
        }
    }

    public struct Attachment: Sendable, Equatable {
        public var id: UUID
        public var fileName: String
        public var kind: AttachmentKind
        public var size: Int
        public var sha256: String
        public var createdAt: Date

        public init(id: UUID, fileName: String, kind: AttachmentKind, size: Int, sha256: String, createdAt: Date) {
            self.id = id
            self.fileName = fileName
            self.kind = kind
            self.size = size
            self.sha256 = sha256
            self.createdAt = createdAt
        }
    }
}

/// A completed request's receipt as served: the receipt, its signature, the key's id.
public struct SignedReceipt: Sendable, Equatable {
    public var receipt: JSONValue
    public var signature: String
    public var keyId: String

    public init(receipt: JSONValue, signature: String, keyId: String) {
        self.receipt = receipt
        self.signature = signature
        self.keyId = keyId
    }
}

/// What anyone may see of an authentic result, by its code.
public struct PublicCheck: Sendable, Equatable {
    public var code: String
    public var outcome: VerificationOutcome
    public var entryId: String
    public var edition: String
    public var completedOn: String
    public var holderNameMasked: String
    /// The certificate's expiry as the employer gave it, if given (issue 33).
    public var expiresOn: String?
    /// False once the holder switched it off or its period ended (issue 31): the answer then says so.
    public var active = true
    /// Whether the certificate was current on the result's day.
    public var certificateStatus: CertificateStatus = .noExpiryGiven
    /// Set when the result was withdrawn: the page says "revoked", with the date and why.
    public var revocation: Revocation?

    public init(code: String, outcome: VerificationOutcome, entryId: String, edition: String, completedOn: String, holderNameMasked: String) {
        self.code = code
        self.outcome = outcome
        self.entryId = entryId
        self.edition = edition
        self.completedOn = completedOn
        self.holderNameMasked = holderNameMasked
    }
}

/// Why a verification operation was refused.
extension VerificationRequest {
    /// A request as just submitted: the draft's facts (the passport number in clear, as its
    /// submitter's view shows it), submitted at `at`, its one event.
    public init(submitted draft: VerificationDraft, id: UUID, employer: Account, edition: String, issuingBodyId: String, at: Date) {
        self.init(
            id: id, employerId: employer.id, organizationName: employer.organizationName, entryId: draft.entryId,
            edition: edition, issuingBodyId: issuingBodyId, holderName: draft.holderName, holderNationality: draft.holderNationality,
            holderDateOfBirth: draft.holderDateOfBirth, passportNumber: draft.passportNumber,
            passportMasked: draft.passportNumber.map(Masking.document), certificateNumber: draft.certificateNumber,
            issuedOn: draft.issuedOn, expiresOn: draft.expiresOn, note: draft.note, status: .submitted,
            estimatedCompletionOn: nil, rejectionReason: nil, outcome: nil, completedAt: nil, verificationCode: nil,
            createdAt: at, updatedAt: at,
            history: [.init(action: .submit, from: nil, to: .submitted, actorRole: employer.role, at: at, note: nil)],
            attachments: [], previousRequestId: draft.previousRequestId)
        holderEmailMasked = draft.holderEmail.map(Masking.email)
        consent = ConsentStanding(basis: draft.holderEmail == nil ? .employerAttestation : .holder, at: draft.holderEmail == nil ? at : nil,
                                  consents: [])
    }
}

public enum VerificationError: Error, Equatable, Sendable {
    case invalid([InputError])
    /// No such request, or not this employer's: the same answer (404).
    case notFound
    /// No issuing body with that id (404).
    case unknownIssuingBody
    case illegal(IllegalTransition)
    case attachmentTooLarge
    case attachmentType
    case attachmentEmpty
    case tooManyAttachments
    /// The employer's attachments would pass its storage quota (bytes).
    case quotaExceeded(quota: Int)
    /// The result was revoked already (409).
    case alreadyRevoked
    /// The employer rated this request already (409).
    case alreadyRated
    /// A review that cannot be asked or decided now (409).
    case review(ReviewRefusal)
    /// The holder's consents are not both recorded yet (409, issue 31).
    case holderConsentPending
    /// A holder's step refused (409).
    case holder(HolderRefusal)
    /// A holder link that is wrong, expired or used: one answer for all three (404).
    case holderLinkInvalid
}
