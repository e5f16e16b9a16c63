import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Acting on a request: load it, ask the core's workflow, save what it decided, record it.
/// Nothing here decides; every rule is in `VerificationWorkflow.decide`.
extension Verifications {
    /// Takes an action on a request by `account` (the workflow says whether they may).
    public func act(_ action: VerificationAction, on id: UUID, by account: Account, _ input: VerificationActionInput = .init(),
                    catalog: Catalog) async throws -> VerificationRequest {
        // Read before the transaction: inside it, only `db` may be used (SQLite has one writer connection).
        let context = try await workflowContext(for: action, catalog: catalog)
        try await database.transaction { db in
            let record = try await visible(id, to: account, on: db)
            let request = try await workflowRequest(record, for: action, on: db)
            let decision = try VerificationWorkflow.decide(action, on: request, by: WorkflowActor(account), input, in: context)
            try await save(decision, to: record, calendar: context.calendar, catalog: catalog, on: db)
            try await Transition.record([try Transition(decision, request: record, by: account)], on: db)
        }
        return try await request(id, for: account)
    }

    /// What the rules read besides the request. The calendar only where a date is computed.
    func workflowContext(for action: VerificationAction, catalog: Catalog) async throws -> WorkflowContext {
        let edition = try catalog.resolveEdition(nil)
        let calendar = [.accept, .complete].contains(action)
            ? try await Calendars(database: database, now: now).calendar() : HolidayCalendar(years: [])
        return WorkflowContext(now: now(), calendar: calendar, entries: Set((catalog.entries(of: edition.id) ?? []).map(\.id)),
                               registry: try await issuingBodyRegistry(), review: review)
    }

    /// The request as the workflow reads it, from its row (and, where the action needs them,
    /// its open checklist and files, or who recorded its result).
    func workflowRequest(_ record: VerificationRequestRecord, for action: VerificationAction, on db: any Database) async throws
        -> WorkflowRequest
    {
        let id = try record.requireID()
        guard let status = VerificationStatus(rawValue: record.status) else { throw VerificationError.notFound }
        var request = WorkflowRequest(
            status: status, employerId: record.employerID, entryId: record.entryID,
            consentBasis: ConsentBasis(rawValue: record.consentBasis ?? "") ?? .employerAttestation,
            holderConsented: record.consentedAt != nil, outcome: record.outcome.flatMap(VerificationOutcome.init),
            completedAt: record.completedAt, revoked: record.revokedAt != nil, reviewAsked: record.reviewRequestedAt != nil,
            personalDataErased: record.personalDataErasedAt != nil)
        if action == .reviewDecision {
            request.resultRecordedBy = try await db.sql.select().column("actor_id").from(VerificationEventRecord.schema)
                .where("request_id", .equal, SQLBind(id)).where("action", .equal, SQLBind(VerificationAction.complete.rawValue))
                .orderBy("at", .descending).limit(1).first()?.decode(column: "actor_id", as: UUID.self)
        }
        if action == .resubmit {
            let history = try await events(on: db.sql) { select in
                select.where(SQLColumn("request_id", table: VerificationEventRecord.schema), .equal, SQLBind(id))
                    .orderBy(SQLColumn("at", table: VerificationEventRecord.schema))
            }.map(\.event)
            request.openChecklist = InfoRequest.all(in: history).last
            request.attachmentIds = Set(try await AttachmentRecord.query(on: db).filter(\.$requestID == id).all().compactMap(\.id))
        }
        return request
    }

    /// Writes `decision` to the request's row, with what each change brings along: a
    /// result's code and signed receipt, its count in the service figures, a revoked
    /// result's place on the status list, a superseded result kept, search terms renewed.
    /// `catalog`: the catalog a result's receipt names (a holder's steps never give one).
    func save(_ decision: WorkflowDecision, to record: VerificationRequestRecord, calendar: HolidayCalendar,
              catalog: Catalog?, on db: any Database) async throws {
        record.status = decision.to.rawValue
        record.updatedAt = decision.at
        var corrected: (draft: VerificationDraft, issuingBodyId: String)?
        for change in decision.changes {
            switch change {
            case .accepted(let on, let due):
                record.acceptedOn = on.description
                record.estimatedCompletionOn = due.description
            case .rejected(let reason): record.rejectionReason = reason?.rawValue
            case .corrected(let draft, let body): corrected = (draft, body)
            case .result(let outcome, let issuesCode):
                guard let catalog else { preconditionFailure("a result is saved with the catalog its receipt names") }
                try complete(record, outcome: outcome, code: issuesCode, at: decision.at, catalog: catalog)
                if decision.action == .complete { try await ServiceRecords.completed(record, calendar: calendar, on: db) }
            case .supersedeResult: try await supersede(record, on: db)
            case .revoked(let reason, let note):
                try await assignStatusSlot(record, on: db)
                record.revokedAt = decision.at
                record.revocationReason = reason?.rawValue
                record.revocationNote = note
            case .reviewAsked(let reason, let note, let outcome):
                record.reviewRequestedAt = decision.at
                record.reviewReason = reason
                record.reviewNote = note
                record.reviewOutcomeReviewed = outcome?.rawValue
            case .reviewDecided(let choice, let note):
                record.reviewDecision = choice.rawValue
                record.reviewDecidedAt = decision.at
                record.reviewDecisionNote = note
            case .holderConsented: record.consentedAt = decision.at
            case .withdrawn(let reason): record.withdrawalReason = reason.rawValue
            case .publicCheck(let active, let days):
                record.publicCheckOff = !active
                record.publicCheckDays = days
            case .erased: break  // by the holder's step, which erases in place (`eraseOne`)
            }
        }
        try await record.save(on: db)
        if let corrected {
            try await RequestRow.correct(try record.requireID(), with: corrected.draft, issuingBodyId: corrected.issuingBodyId,
                                         sealer: keys.sealer, on: db.sql)
        }
        if decision.changesSearchTerms {
            try await SearchTerms.replace(try record.requireID(), with: SearchTerms.terms(
                holderName: corrected?.draft.holderName ?? record.holderName,
                certificateNumber: corrected?.draft.certificateNumber ?? record.certificateNumber, code: record.verificationCode), on: db.sql)
        }
    }

    /// Sets the result, the code (when the workflow issues one) and the signed receipt.
    func complete(_ record: VerificationRequestRecord, outcome: VerificationOutcome, code: Bool, at completedAt: Date, catalog: Catalog) throws {
        record.outcome = outcome.rawValue
        record.completedAt = completedAt
        record.verificationCode = code ? VerificationCode.make() : nil
        let signed = try keys.signer.receipt(
            requestId: try record.requireID(), entryId: record.entryID, edition: record.editionID, holderName: record.holderName,
            certificateNumber: record.certificateNumber, outcome: outcome, completedAt: completedAt,
            verificationCode: record.verificationCode, catalog: catalog)
        record.receipt = signed.document
        record.receiptSignature = signed.signature
        record.receiptKeyID = signed.keyId
    }
}

extension Transition {
    /// The decision as recorded: its event, audit entry and messages.
    init(_ decision: WorkflowDecision, request: VerificationRequestRecord, by actor: Account) throws {
        self.init(action: decision.action, from: decision.from, to: decision.to, requestID: try request.requireID(),
                  employerID: request.employerID, actor: actor, note: decision.note, at: decision.at, outcome: request.outcome,
                  estimatedCompletionOn: request.estimatedCompletionOn,
                  revocationReason: decision.action == .revoke ? request.revocationReason : nil, items: decision.items,
                  answers: decision.answers, reviewDecision: decision.action == .reviewDecision ? request.reviewDecision : nil)
    }
}
