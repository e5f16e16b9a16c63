import Foundation

/// A request as the workflow reads it: only what its rules depend on. The store fills it
/// from the row it locked; the property tests build it by hand.
public struct WorkflowRequest: Sendable, Equatable {
    public var status: VerificationStatus
    public var employerId: UUID
    public var entryId: String
    /// With the holder's address the holder consents themself; until then it cannot be accepted.
    public var consentBasis: ConsentBasis
    public var holderConsented: Bool
    public var outcome: VerificationOutcome?
    public var completedAt: Date?
    public var revoked: Bool
    public var reviewAsked: Bool
    /// The officer who recorded the result now standing: a review is decided by another.
    public var resultRecordedBy: UUID?
    public var personalDataErased: Bool
    /// The checklist a resubmission answers, with the files it may point to (read only
    /// when resubmitting; empty otherwise).
    public var openChecklist: InfoRequest?
    public var attachmentIds: Set<UUID>

    public init(status: VerificationStatus, employerId: UUID, entryId: String, consentBasis: ConsentBasis = .employerAttestation,
                holderConsented: Bool = false, outcome: VerificationOutcome? = nil, completedAt: Date? = nil, revoked: Bool = false,
                reviewAsked: Bool = false, resultRecordedBy: UUID? = nil, personalDataErased: Bool = false,
                openChecklist: InfoRequest? = nil, attachmentIds: Set<UUID> = []) {
        self.status = status
        self.employerId = employerId
        self.entryId = entryId
        self.consentBasis = consentBasis
        self.holderConsented = holderConsented
        self.outcome = outcome
        self.completedAt = completedAt
        self.revoked = revoked
        self.reviewAsked = reviewAsked
        self.resultRecordedBy = resultRecordedBy
        self.personalDataErased = personalDataErased
        self.openChecklist = openChecklist
        self.attachmentIds = attachmentIds
    }

    /// The request after `decision`: what the store saves, told as the workflow sees it.
    public func applying(_ decision: WorkflowDecision, by actor: WorkflowActor) -> WorkflowRequest {
        var next = self
        next.status = decision.to
        for change in decision.changes {
            switch change {
            case .corrected(let draft, _): next.entryId = draft.entryId
            case .result(let outcome, _):
                next.outcome = outcome
                next.completedAt = decision.at
                if decision.action == .complete { next.resultRecordedBy = actor.id }
            case .revoked: next.revoked = true
            case .reviewAsked: next.reviewAsked = true
            case .holderConsented: next.holderConsented = true
            case .erased: next.personalDataErased = true
            case .accepted, .rejected, .supersedeResult, .reviewDecided, .withdrawn, .publicCheck: break
            }
        }
        return next
    }
}

/// Who acts: an account's role and id (for the holder, their request's id).
public struct WorkflowActor: Sendable, Equatable {
    public var role: Role
    public var id: UUID

    public init(role: Role, id: UUID) {
        self.role = role
        self.id = id
    }

    public init(_ account: Account) { self.init(role: account.role, id: account.id) }
}

/// What the rules read besides the request: the time, the holiday calendar (for due dates),
/// the edition in force's entries (for corrections), the issuing bodies (for the working
/// days a channel takes) and the review period.
public struct WorkflowContext: Sendable {
    public var now: Date
    public var calendar: HolidayCalendar
    public var entries: Set<String>
    public var registry: IssuingBodyRegistry
    public var review: ReviewPolicy

    public init(now: Date, calendar: HolidayCalendar, entries: Set<String>, registry: IssuingBodyRegistry, review: ReviewPolicy) {
        self.now = now
        self.calendar = calendar
        self.entries = entries
        self.registry = registry
        self.review = review
    }

    public var today: CalendarDate { .today(at: now) }
}
