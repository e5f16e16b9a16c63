import CredenceCore
import Foundation
import PropertyBased
import Testing

/// The workflow's rules held over random histories (issue 44): random sequences of actions by
/// random people, each asked of `VerificationWorkflow.decide` and, when allowed, applied —
/// no database, thousands of sequences in well under a second.
@Suite struct WorkflowPropertyTests {
    static let owner = WorkflowActor(role: .employer, id: UUID())
    static let actors: [WorkflowActor] = [
        owner, WorkflowActor(role: .employer, id: UUID()),  // another employer
        WorkflowActor(role: .officer, id: UUID()), WorkflowActor(role: .officer, id: UUID()),
        WorkflowActor(role: .admin, id: UUID()), WorkflowActor(role: .reviewer, id: UUID()), WorkflowActor(role: .holder, id: UUID()),
    ]
    static let calendar = try! HolidayCalendar.bundled()
    static let start = CalendarDate(year: 2024, month: 1, day: 1)!.startInChina

    /// One step of a history, decoded from a random number: what, by whom, with which input, how many hours later.
    struct Step: CustomStringConvertible {
        var action: VerificationAction
        var actor: WorkflowActor
        var variant: Int
        var hoursLater: Int

        init(_ seed: Int) {
            var rest = seed
            func take(_ n: Int) -> Int { defer { rest /= n }; return rest % n }
            let action = VerificationAction.allCases[take(VerificationAction.allCases.count)]
            // Mostly someone of the role the action belongs to (so histories go far); else anyone.
            let everyone = WorkflowPropertyTests.actors
            let entitled = everyone.filter { $0.role == action.takenBy }
            self.action = action
            actor = take(5) == 0 ? everyone[take(everyone.count)] : entitled[take(entitled.count)]
            variant = take(4)
            hoursLater = take(60)
        }

        var description: String { "\(action.rawValue) by \(actor.role.rawValue) (\(variant)) +\(hoursLater)h" }

        /// The input a person would give; variant 3 leaves out what the action needs.
        func input(for request: WorkflowRequest) -> VerificationActionInput {
            let full = variant < 3
            var input = VerificationActionInput(note: full || action == .reviewDecision ? nil : "note")
            input.note = action == .reviewDecision && full ? "what the review found" : input.note
            input.reason = full ? RejectionReason.allCases[variant] : nil
            input.outcome = full ? VerificationOutcome.allCases[variant] : nil
            input.revocationReason = full ? RevocationReason.byOfficer[variant % RevocationReason.byOfficer.count] : nil
            input.reviewReason = full ? "the issuer confirmed it by phone" : nil
            input.decision = variant == 0 ? .upheld : variant < 3 ? .changed : nil
            if input.decision == .upheld { input.outcome = nil }
            input.items = full ? [InfoItem(code: InfoItemCode.allCases[variant], note: nil)] : []
            input.answers = request.openChecklist.map { open in
                full ? open.items.indices.map { InfoAnswer(item: $0 + 1, note: "sent", attachmentId: nil) } : []
            } ?? []
            input.holderConsents = full ? Set(HolderConsentKind.allCases) : [.processing]
            input.publicCheckActive = variant != 1
            return input
        }
    }

    /// A history: its steps' seeds (1–60), whether the holder was invited, the channel's days.
    static let histories = zip(Gen.int(in: 0...Int(Int32.max)).array(of: 1...60), Gen.bool, Gen.int(in: 1...30))

    /// New histories on every run; the rules are checked inside `check`.
    @Test func randomHistoriesKeepEveryRule() async {
        await propertyCheck(count: 4000, input: Self.histories) { seeds, invited, days in
            Self.check(seeds.map(Step.init), holderInvited: invited, channelDays: days)
        }
    }

    /// The histories go everywhere: every action is allowed somewhere. On histories drawn
    /// from a fixed seed, since a random run now and then missed the deepest step (a review's
    /// decision, four steps past a result, by an officer other than the result's).
    @Test func fixedHistoriesReachEveryAction() {
        var random = Xoshiro(seed: (2026, 12, 6, 45))
        var taken: Set<VerificationAction> = []
        for _ in 0..<4000 {
            let (seeds, invited, days) = Self.histories.run(using: &random)
            taken.formUnion(Self.check(seeds.map(Step.init), holderInvited: invited, channelDays: days))
        }
        #expect(taken == Set(VerificationAction.allCases).subtracting([.submit]), "never taken: \(Set(VerificationAction.allCases).subtracting(taken))")
    }

    /// Each step asked of the workflow, its answer checked against the rules, then applied.
    @discardableResult
    static func check(_ steps: [Step], holderInvited: Bool, channelDays: Int) -> Set<VerificationAction> {
        var channel = VerificationChannel.writtenRequestDefault
        channel.typicalWorkingDays = channelDays
        let registry = IssuingBodyRegistry([IssuingBody(id: "body", name: BilingualText(zh: "机构", en: "Body"), entries: ["cfa"], channel: channel)])
        var request = WorkflowRequest(status: .submitted, employerId: owner.id, entryId: "cfa",
                                      consentBasis: holderInvited ? .holder : .employerAttestation)
        var now = start
        var events: [WorkflowDecision] = []
        for step in steps {
            now = now.addingTimeInterval(Double(step.hoursLater) * 3600)
            let context = WorkflowContext(now: now, calendar: calendar, entries: ["cfa", "cpa"], registry: registry, review: ReviewPolicy())
            let before = request
            guard let decision = try? VerificationWorkflow.decide(step.action, on: request, by: step.actor, step.input(for: request), in: context)
            else { continue }
            let trail = "after \(steps.map(\.description))"
            // Only the role the action belongs to acts, and an employer only on their own request.
            #expect(step.actor.role == step.action.takenBy, "\(trail)")
            #expect(step.actor.role != .employer || step.actor == owner, "\(trail)")
            // Rejected and withdrawn are the end; a result is never taken back to before it.
            #expect(before.status != .rejected && before.status != .withdrawn, "\(trail)")
            if before.status == .completed || before.status == .underReview {
                #expect(decision.to == .completed || decision.to == .underReview, "\(trail)")
            }
            // The decision is the one event of this step, from where the request stood.
            #expect(decision.action == step.action && decision.from == before.status && decision.at == now, "\(trail)")
            if step.action == .accept {
                #expect(!holderInvited || before.holderConsented, "accepted without the holder's consents \(trail)")
                for case .accepted(let on, let due) in decision.changes {
                    #expect(on == context.today && due > on && calendar.isWorkingDay(due), "due \(due) \(trail)")
                }
            }
            if step.action == .reviewDecision { #expect(before.resultRecordedBy != step.actor.id, "decided by its own officer \(trail)") }
            if step.action == .revoke { #expect(!before.revoked, "revoked twice \(trail)") }
            if step.action == .review { #expect(!before.reviewAsked, "reviewed twice \(trail)") }
            for case .result(let outcome, let code) in decision.changes { #expect(code == (outcome == .authentic), "\(trail)") }
            events.append(decision)
            request = request.applying(decision, by: step.actor)
            // What the store reads back from history: the checklist a request for information opened.
            if let items = decision.items { request.openChecklist = InfoRequest(requestedAt: now, note: nil, items: items, answers: [], answeredAt: nil) }
            if step.action == .resubmit { request.openChecklist = nil }
        }
        #expect(events.filter { $0.action == .revoke }.count <= 1)
        #expect(events.filter { $0.action == .reviewDecision }.count <= events.filter { $0.action == .review }.count)
        return Set(events.map(\.action))
    }

    /// The sequences people actually follow reach their ends (so the random ones are not all refusals).
    @Test func theUsualPathsReachTheirEnds() {
        let officer = Self.actors[2], other = Self.actors[3], holder = Self.actors[6]
        var channel = VerificationChannel.writtenRequestDefault
        channel.typicalWorkingDays = 10
        let context = WorkflowContext(now: Self.start, calendar: Self.calendar, entries: ["cfa"],
                                      registry: IssuingBodyRegistry([IssuingBody(id: "b", name: .init(zh: "", en: ""), entries: ["cfa"], channel: channel)]),
                                      review: ReviewPolicy())
        var request = WorkflowRequest(status: .submitted, employerId: Self.owner.id, entryId: "cfa", consentBasis: .holder)
        func take(_ action: VerificationAction, by actor: WorkflowActor, _ input: VerificationActionInput = .init()) throws {
            request = request.applying(try VerificationWorkflow.decide(action, on: request, by: actor, input, in: context), by: actor)
        }
        #expect(throws: VerificationError.holderConsentPending) { try take(.accept, by: officer) }
        var consents = VerificationActionInput()
        consents.holderConsents = Set(HolderConsentKind.allCases)
        #expect(throws: Never.self) {
            try take(.holderConsent, by: holder, consents)
            try take(.accept, by: officer)
            try take(.complete, by: officer, .init(outcome: .authentic))
            var review = VerificationActionInput()
            review.reviewReason = "the name is misspelt"
            try take(.review, by: Self.owner, review)
        }
        var decision = VerificationActionInput(note: "checked again", outcome: .unableToVerify)
        decision.decision = .changed
        #expect(throws: VerificationError.review(.sameOfficer)) { try take(.reviewDecision, by: officer, decision) }
        #expect(throws: Never.self) { try take(.reviewDecision, by: other, decision) }
        #expect(request.status == .completed && request.outcome == .unableToVerify)
    }
}
