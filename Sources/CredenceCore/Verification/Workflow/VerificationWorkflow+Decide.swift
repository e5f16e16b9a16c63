import Foundation

/// The workflow's one decision (issue 44): given the request as it stands, the action, its
/// input, who acts, and what the rules read (time, calendar, catalog, review period), what
/// changes — or why not. Pure: no database, no clock of its own; the store loads, asks,
/// saves and records. The order of the checks is the order of the answers a caller gets:
/// whose request, which role, the input, the status, then the action's own rules.
extension VerificationWorkflow {
    public static func decide(_ action: VerificationAction, on request: WorkflowRequest, by actor: WorkflowActor,
                              _ given: VerificationActionInput, in context: WorkflowContext) throws(VerificationError) -> WorkflowDecision {
        // Another employer's request is not theirs to know of.
        if actor.role == .employer, actor.id != request.employerId { throw .notFound }
        // An officer cannot withdraw; an employer cannot accept.
        guard action.isTaken(by: actor.role) else { throw .illegal(IllegalTransition(from: request.status, action: action)) }
        let input: VerificationActionInput
        do {
            input = try given.validated(for: action, entries: context.entries, today: context.today)
        } catch {
            throw .invalid(error.problems)
        }
        try checkHolderStep(action, on: request, input)
        let to: VerificationStatus
        do {
            to = try next(from: request.status, by: action)
        } catch {
            throw action.byHolder ? .holder(.tooLate) : .illegal(error)
        }
        var decision = WorkflowDecision(action: action, from: request.status, to: to, at: context.now, changes: [], note: input.note)
        decision.changes = try changes(of: action, on: request, by: actor, input, in: context, decision: &decision)
        return decision
    }

    /// A new request: only an employer submits, and the draft must be valid against the edition in force.
    public static func submission(_ draft: VerificationDraft, by actor: WorkflowActor, in context: WorkflowContext) throws(VerificationError)
        -> VerificationDraft
    {
        guard VerificationAction.submit.isTaken(by: actor.role) else { throw .notFound }
        do {
            return try draft.validated(entries: context.entries, today: context.today)
        } catch {
            throw .invalid(error.problems)
        }
    }

    /// The holder's steps that are refused before the status is asked.
    private static func checkHolderStep(_ action: VerificationAction, on request: WorkflowRequest, _ input: VerificationActionInput)
        throws(VerificationError)
    {
        switch action {
        case .holderConsent:
            guard input.holderConsents == Set(HolderConsentKind.allCases) else { throw .holder(.bothConsentsNeeded) }
            if request.holderConsented { throw .holder(.alreadyDone) }
        case .holderErasure:
            if request.status != .completed { throw .holder(.noResultYet) }
            if request.personalDataErased { throw .holder(.alreadyErased) }
        default: break
        }
    }

    private static func changes(of action: VerificationAction, on request: WorkflowRequest, by actor: WorkflowActor,
                                _ input: VerificationActionInput, in context: WorkflowContext,
                                decision: inout WorkflowDecision) throws(VerificationError) -> [WorkflowChange] {
        switch action {
        case .accept:
            if request.consentBasis == .holder, !request.holderConsented { throw .holderConsentPending }
            let channel = context.registry.body(for: request.entryId).channel
            return [.accepted(on: context.today, due: due(acceptedOn: context.today, by: channel, context.calendar).date)]
        case .reject:
            return [.rejected(input.reason)]
        case .requestInfo:
            decision.items = input.items
            return []
        case .resubmit:
            decision.answers = try answers(input.answers, to: request)
            return input.corrections.map { [.corrected($0, issuingBodyId: context.registry.body(for: $0.entryId).id)] } ?? []
        case .complete:
            guard let outcome = input.outcome else { throw .invalid([VerificationOutcome.missing]) }
            return [.result(outcome, issuesCode: outcome == .authentic)]
        case .review:
            guard let completedAt = request.completedAt else { throw .illegal(IllegalTransition(from: request.status, action: action)) }
            do {
                try context.review.check(resultDay: .today(at: completedAt), alreadyReviewed: request.reviewAsked, revoked: request.revoked,
                                         today: context.today)
            } catch {
                throw .review(error)
            }
            decision.note = [input.reviewReason, input.note].compactMap { $0 }.joined(separator: " — ")
            return [.reviewAsked(reason: input.reviewReason, note: input.note, outcomeReviewed: request.outcome)]
        case .reviewDecision:
            if request.resultRecordedBy == actor.id { throw .review(.sameOfficer) }
            guard let choice = input.decision else { return [] }
            var changes: [WorkflowChange] = []
            if choice == .changed {
                guard let outcome = input.outcome, outcome != request.outcome else {
                    throw .invalid([InputError("outcome", zh: "“变更结果”须选择与原结果不同的结果；如不变更，请选择“维持原结果”。",
                                               en: "Outcome must differ from the result reviewed; to keep it, the decision is upheld.")])
                }
                changes = [.supersedeResult, .result(outcome, issuesCode: outcome == .authentic)]
            }
            return changes + [.reviewDecided(choice, note: input.note)]
        case .revoke:
            if request.revoked { throw .alreadyRevoked }
            return [.revoked(input.revocationReason, note: input.note)]
        case .holderConsent: return [.holderConsented]
        case .holderDecline: return [.withdrawn(.holderDeclined)]
        case .holderWithdraw: return [.withdrawn(.holderWithdrewConsent)]
        case .holderErasure: return [.erased]
        case .holderPublicCheck: return [.publicCheck(active: input.publicCheckActive, days: input.publicCheckDays)]
        case .submit, .withdraw: return []
        }
    }

    /// A resubmission's answers, checked against the open checklist; with none open, none may be given.
    private static func answers(_ answers: [InfoAnswer], to request: WorkflowRequest) throws(VerificationError) -> [InfoAnswer]? {
        guard let open = request.openChecklist, open.answeredAt == nil, !open.items.isEmpty else {
            guard answers.isEmpty else {
                throw .invalid([InputError("answers", zh: "本申请没有待答复的补充材料清单。",
                                           en: "The answers: this request has no open list of missing items to answer.")])
            }
            return nil
        }
        do {
            return try open.validatedAnswers(answers, attachments: request.attachmentIds)
        } catch {
            throw .invalid(error.problems)
        }
    }
}

extension VerificationWorkflow {
    /// The estimated completion of a request accepted on `day`: the channel's typical working
    /// days on the State Council's calendar (annex 2, 2), and whether each year passed has an
    /// official calendar.
    public static func due(acceptedOn day: CalendarDate, by channel: VerificationChannel,
                           _ calendar: HolidayCalendar) -> (date: CalendarDate, official: Bool) {
        calendar.adding(channel.typicalWorkingDays, to: day)
    }
}
