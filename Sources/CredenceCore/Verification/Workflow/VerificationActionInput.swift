import Foundation

/// What comes with an action on a request, and the rules it must meet before the
/// workflow is asked: a note of at most 2,000 characters, a reason for a rejection, an
/// outcome for a completion, a checklist for a request for information, and corrections
/// that are a valid draft for a resubmission.
public struct VerificationActionInput: Sendable {
    public var note: String?
    public var reason: RejectionReason?
    public var outcome: VerificationOutcome?
    /// For `revoke`: why the result is withdrawn.
    public var revocationReason: RevocationReason?
    /// For `resubmit`: the corrected draft.
    public var corrections: VerificationDraft?
    /// For `request-info`: everything missing, at once.
    public var items: [InfoItem] = []
    /// For `resubmit`: the answers to the open checklist (checked against it by the store).
    public var answers: [InfoAnswer] = []
    /// For `review`: why the employer asks (复核理由).
    public var reviewReason: String?
    /// For `review_decision`: upheld, or changed (with `outcome`).
    public var decision: ReviewDecision?
    /// For `holder_consent`: the consents the holder ticked (both are needed).
    public var holderConsents: Set<HolderConsentKind> = []
    /// For `holder_public_check`: on or off, and the days from the result (nil: the policy's).
    public var publicCheckActive = true
    public var publicCheckDays: Int?

    public static let maxNoteLength = 2000

    public init(note: String? = nil, reason: RejectionReason? = nil, outcome: VerificationOutcome? = nil,
                corrections: VerificationDraft? = nil) {
        self.note = note
        self.reason = reason
        self.outcome = outcome
        self.corrections = corrections
    }

    /// The input checked for `action`, or every problem thrown: the checklist cleaned, and
    /// the corrections validated against the catalog's entries (nil unless resubmitting with them).
    public func validated(for action: VerificationAction, entries: Set<String>, today: CalendarDate) throws(InvalidInput) -> VerificationActionInput {
        if let note, note.schemaLength > Self.maxNoteLength {
            throw InvalidInput(problems: [InputError("note", zh: "说明最多2000字。", en: "Note may have at most 2,000 characters.")])
        }
        if action == .reject, reason == nil {
            throw InvalidInput(problems: [InputError("reason", zh: "请选择不予受理的理由。",
                                                     en: "Reason must be one of incomplete, false_material, not_in_catalog.")])
        }
        if action == .revoke, revocationReason.map(RevocationReason.byOfficer.contains) != true {
            throw InvalidInput(problems: [InputError("reason", zh: "请选择撤销的理由。",
                                                     en: "Reason must be one of \(RevocationReason.byOfficer.map(\.rawValue).joined(separator: ", ")).")])
        }
        if action == .review {
            let reason = reviewReason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !reason.isEmpty, (reviewReason?.schemaLength ?? 0) <= Self.maxNoteLength else {
                throw InvalidInput(problems: [InputError("reason", zh: "请写明申请复核的理由（最多2000字）。",
                                                         en: "Reason is required: why the result should be reviewed, up to 2,000 characters.")])
            }
        }
        if action == .reviewDecision {
            guard let decision else {
                throw InvalidInput(problems: [InputError("decision", zh: "请选择复核决定：维持或变更。", en: "Decision must be upheld or changed.")])
            }
            if decision == .changed, outcome == nil {
                throw InvalidInput(problems: [InputError("outcome", zh: "变更结果须选择新的结果。",
                                                         en: "Outcome is required when the decision is changed: authentic, not_authentic or unable_to_verify.")])
            }
            if decision == .upheld, outcome != nil {
                throw InvalidInput(problems: [InputError("outcome", zh: "维持原结果时不填写新结果。", en: "Outcome is given only when the decision is changed.")])
            }
            if note?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
                throw InvalidInput(problems: [InputError("note", zh: "请写明复核意见。", en: "Note is required: what the review found.")])
            }
        }
        if action == .complete, outcome == nil { throw InvalidInput(problems: [VerificationOutcome.missing]) }
        if action == .holderPublicCheck, let days = publicCheckDays, !(1...PublicCheckPolicy.maxDays).contains(days) {
            throw InvalidInput(problems: [InputError("days", zh: "天数须为1至3650。", en: "Days must be a whole number from 1 to 3650.")])
        }
        var input = self
        input.reviewReason = reviewReason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if action == .requestInfo { input.items = try InfoRequest.validated(items) }
        if action == .resubmit, let corrections { input.corrections = try corrections.validated(entries: entries, today: today) }
        return input
    }
}
