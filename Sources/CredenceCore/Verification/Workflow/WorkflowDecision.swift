import Foundation

/// What the workflow decided: the status it moves to, each field that changes, the event
/// it is recorded as and who is told. The store saves exactly this; it decides nothing.
public struct WorkflowDecision: Sendable, Equatable {
    public var action: VerificationAction
    public var from: VerificationStatus
    public var to: VerificationStatus
    public var at: Date
    public var changes: [WorkflowChange]
    /// The event's note (a review's reason with its note).
    public var note: String?
    /// On `request_info` the checklist, on `resubmit` the answers checked against it.
    public var items: [InfoItem]?
    public var answers: [InfoAnswer]?
    /// The employer is told (webhook and mail) of everything but the holder's own settings.
    public var tellsEmployer: Bool { action.tellsEmployer }

    /// Whether what search finds the request by changes (its name, number or code).
    public var changesSearchTerms: Bool {
        changes.contains { if case .result = $0 { true } else if case .corrected = $0 { true } else { false } }
    }
}

/// One change a decision makes to a request.
public enum WorkflowChange: Sendable, Equatable {
    /// Accepted today, due on a working day the channel's typical time away.
    case accepted(on: CalendarDate, due: CalendarDate)
    case rejected(RejectionReason?)
    /// The employer's corrections on resubmission, and the body that issues the corrected entry.
    case corrected(VerificationDraft, issuingBodyId: String)
    /// A new result at the decision's time; a verification code only for an authentic one.
    case result(VerificationOutcome, issuesCode: Bool)
    /// The standing result kept aside (code, credential, list place) before a new one.
    case supersedeResult
    case revoked(RevocationReason?, note: String?)
    case reviewAsked(reason: String?, note: String?, outcomeReviewed: VerificationOutcome?)
    case reviewDecided(ReviewDecision, note: String?)
    case holderConsented
    case withdrawn(WithdrawalReason)
    /// The holder's personal data erased now, at their request.
    case erased
    case publicCheck(active: Bool, days: Int?)
}
