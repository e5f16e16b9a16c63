import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// A request's change of status as it is recorded: its event, its audit entry and its
/// webhook message. Recorded in batches — a submission's group commit records dozens in
/// one go, with one statement per table — and singly for the other actions.
struct Transition: Sendable {
    var action: VerificationAction
    var from: VerificationStatus?
    var to: VerificationStatus
    var requestID: UUID
    var employerID: UUID
    var actor: Account
    var note: String?
    var at: Date
    /// For the webhook message.
    var outcome: String?
    var estimatedCompletionOn: String?
    var revocationReason: String?
    /// On `request_info` the checklist, on `resubmit` its answers.
    var items: [InfoItem]?
    var answers: [InfoAnswer]?
    /// On `review_decision`: upheld or changed.
    var reviewDecision: String?

    /// Records `transitions` on `db` (a transaction the changes are part of).
    /// `address`: where the step came from, when it was not an account's (a holder's link).
    static func record(_ transitions: [Transition], on db: any Database, address: String? = nil) async throws {
        guard !transitions.isEmpty else { return }
        let events = db.sql.insert(into: VerificationEventRecord.schema)
            .columns("id", "request_id", "action", "from_status", "to_status", "actor_id", "actor_role", "at", "note", "checklist")
        for transition in transitions {
            events.values([SQLBind(UUID()), SQLBind(transition.requestID), SQLBind(transition.action.rawValue),
                           sqlValue(transition.from?.rawValue), SQLBind(transition.to.rawValue), SQLBind(transition.actor.id),
                           SQLBind(transition.actor.role.rawValue), SQLBind(transition.at), sqlValue(transition.note),
                           sqlValue(try EventChecklist.column(items: transition.items, answers: transition.answers))])
        }
        try await events.run()
        try await AuditLog.append(on: db, transitions.map {
            AuditLog.Entry(at: $0.at, kind: "verification.\($0.action.rawValue)", actor: $0.actor.id,
                           subject: $0.requestID.uuidString.lowercased(), email: $0.actor.email, address: address,
                           detail: "\($0.from?.rawValue ?? "-")→\($0.to.rawValue)")
        })
        let told = transitions.filter(\.action.tellsEmployer)
        try await Webhooks.enqueue(told, on: db)
        try await Mails.enqueue(told, on: db)
    }
}

/// A submission ready to store: validated, its passport number already sealed.
struct PendingSubmission: Sendable {
    var id: UUID
    var employer: Account
    var draft: VerificationDraft
    var passportSealed: String?
    var editionID: String
    var issuingBodyID: String
    var createdAt: Date
    var batchID: UUID?
    /// With the holder's address (issue 31): it sealed, and the link mailed to the holder.
    var holderEmailSealed: String?
    var invitation: HolderInvitation?

    /// The request as stored, told without reading it back (the passport number in clear,
    /// as its submitter's detail view shows it).
    var stored: VerificationRequest {
        VerificationRequest(submitted: draft, id: id, employer: employer, edition: editionID, issuingBodyId: issuingBodyID, at: createdAt)
    }

    /// Stores `submissions` and their transitions: a handful of statements for any number.
    static func store(_ submissions: [PendingSubmission], on db: any Database) async throws {
        let insert = db.sql.insert(into: VerificationRequestRecord.schema).columns(RequestRow.submittedColumns)
        for submission in submissions { insert.values(RequestRow.submittedValues(submission)) }
        try await insert.run()
        try await HolderInvitation.store(submissions.compactMap(\.invitation), on: db)
        try await SearchTerms.insert(submissions.map {
            ($0.id, SearchTerms.terms(holderName: $0.draft.holderName, certificateNumber: $0.draft.certificateNumber, code: nil))
        }, on: db.sql)
        try await Transition.record(submissions.map {
            Transition(action: .submit, from: nil, to: .submitted, requestID: $0.id, employerID: $0.employer.id, actor: $0.employer,
                       note: nil, at: $0.createdAt)
        }, on: db)
    }
}

/// What one caller commits: a single submission, or a batch and all its rows — written
/// together or not at all.
struct SubmissionGroup: Sendable {
    var batch: PendingBatch?
    var submissions: [PendingSubmission]

    static func store(_ groups: [SubmissionGroup], on db: any Database) async throws {
        let batches = groups.compactMap(\.batch)
        if !batches.isEmpty {
            let insert = db.sql.insert(into: VerificationBatchRecord.schema).columns("id", "employer_id", "created_at", "count")
            for batch in batches {
                insert.values([SQLBind(batch.id), SQLBind(batch.employerID), SQLBind(batch.createdAt), SQLBind(batch.count)])
            }
            try await insert.run()
        }
        try await PendingSubmission.store(groups.flatMap(\.submissions), on: db)
    }
}

struct PendingBatch: Sendable {
    var id: UUID
    var employerID: UUID
    var createdAt: Date
    var count: Int
}
