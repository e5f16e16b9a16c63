import CredenceCore
import Foundation
import SQLKit

/// A request's columns, declared once: the list read (`columns`), what a submission inserts
/// (`submitted`), where each sits in a row (`RequestColumn`), and the row read back into a
/// `VerificationRequest`. A new column is added here (and to its record and migration).
extension RequestRow {
    /// Every column a list reads, in the order of its rows.
    static let columns = [
        "id", "employer_id", "entry_id", "edition_id", "issuing_body_id", "holder_name", "holder_nationality",
        "holder_date_of_birth", "passport_sealed", "passport_masked", "certificate_number", "issued_on", "expires_on", "note",
        "status", "estimated_completion_on", "rejection_reason", "outcome", "completed_at", "verification_code",
        "created_at", "updated_at", "personal_data_erased_at", "personal_data_retention_days",
        "revoked_at", "revocation_reason", "revocation_note", "assignee_id", "previous_request_id",
        "review_requested_at", "review_reason", "review_note", "review_decision", "review_decided_at", "review_decision_note",
        "review_outcome_reviewed", "holder_email_masked", "consent_basis", "consented_at", "withdrawal_reason", "public_check_off",
        "public_check_days",
    ]

    /// The draft's facts, column by column: what a submission writes and a resubmission's
    /// corrections write again (the passport number sealed by the caller).
    static let facts: [(column: String, value: @Sendable (VerificationDraft, _ passportSealed: String?) -> any SQLExpression)] = [
        ("entry_id", { d, _ in SQLBind(d.entryId) }), ("holder_name", { d, _ in SQLBind(d.holderName) }),
        ("holder_nationality", { d, _ in SQLBind(d.holderNationality) }), ("holder_date_of_birth", { d, _ in sqlValue(d.holderDateOfBirth) }),
        ("passport_sealed", { _, sealed in sqlValue(sealed) }), ("passport_masked", { d, _ in sqlValue(d.passportNumber.map(Masking.document)) }),
        ("certificate_number", { d, _ in SQLBind(d.certificateNumber) }), ("issued_on", { d, _ in sqlValue(d.issuedOn) }),
        ("expires_on", { d, _ in sqlValue(d.expiresOn) }), ("note", { d, _ in sqlValue(d.note) }),
    ]

    /// What else a submission writes.
    static let submittedOnly: [(column: String, value: @Sendable (VerificationRequest, PendingSubmission) -> any SQLExpression)] = [
        ("id", { r, _ in SQLBind(r.id) }), ("employer_id", { r, _ in SQLBind(r.employerId) }), ("edition_id", { r, _ in SQLBind(r.edition) }),
        ("issuing_body_id", { r, _ in SQLBind(r.issuingBodyId) }), ("status", { r, _ in SQLBind(r.status.rawValue) }),
        ("created_at", { r, _ in SQLBind(r.createdAt) }), ("updated_at", { r, _ in SQLBind(r.updatedAt) }),
        ("batch_id", { _, s in sqlValue(s.batchID) }), ("previous_request_id", { r, _ in sqlValue(r.previousRequestId) }),
        ("holder_email_sealed", { _, s in sqlValue(s.holderEmailSealed) }), ("holder_email_masked", { r, _ in sqlValue(r.holderEmailMasked) }),
        ("consent_basis", { r, _ in SQLBind(r.consent.basis.rawValue) }),
    ]

    /// The columns a submission's insert names, and one submission's values in their order.
    static let submittedColumns = facts.map(\.column) + submittedOnly.map(\.column)
    static func submittedValues(_ submission: PendingSubmission) -> [any SQLExpression] {
        let request = submission.stored
        return facts.map { $0.value(submission.draft, submission.passportSealed) } + submittedOnly.map { $0.value(request, submission) }
    }

    /// A resubmission's corrections: the draft's facts written over the request's, with the
    /// issuing body of its (perhaps corrected) entry.
    static func correct(_ id: UUID, with draft: VerificationDraft, issuingBodyId: String, sealer: DataSealer, on sql: any SQLDatabase) async throws {
        let sealed = try draft.passportNumber.map(sealer.seal)
        let update = sql.update(table).set(SQLIdentifier("issuing_body_id"), to: SQLBind(issuingBodyId))
        for fact in facts { update.set(SQLIdentifier(fact.column), to: fact.value(draft, sealed)) }
        try await update.where("id", .equal, SQLBind(id)).run()
    }

    /// A row of the list's statement: `columns` in their order, then the organization name.
    init(_ row: RowCells) throws {
        typealias At = RequestColumn
        let status = try row.text(At.status)
        guard let known = VerificationStatus(rawValue: status) else {
            throw StoreDataError(table: Self.table, row: try row.text(At.id), problem: "unknown status \(status)")
        }
        passportSealed = try row.optionalText(At.passportSealed)
        request = VerificationRequest(
            id: try row.uuid(At.id), employerId: try row.uuid(At.employer),
            organizationName: try row.optionalText(At.organizationName), entryId: try row.text(At.entry), edition: try row.text(At.edition),
            issuingBodyId: try row.text(At.issuingBody), holderName: try row.text(At.holderName),
            holderNationality: try row.text(At.holderNationality), holderDateOfBirth: try row.optionalText(At.holderDateOfBirth),
            passportNumber: nil, passportMasked: try row.optionalText(At.passportMasked),
            certificateNumber: try row.text(At.certificateNumber), issuedOn: try row.optionalText(At.issuedOn),
            expiresOn: try row.optionalText(At.expiresOn), note: try row.optionalText(At.note), status: known,
            estimatedCompletionOn: try row.optionalText(At.estimatedCompletionOn),
            rejectionReason: try row.optionalText(At.rejectionReason).flatMap(RejectionReason.init),
            outcome: try row.optionalText(At.outcome).flatMap(VerificationOutcome.init),
            completedAt: try row.optionalDate(At.completedAt),
            verificationCode: try row.optionalText(At.verificationCode),
            createdAt: try row.date(At.createdAt), updatedAt: try row.date(At.updatedAt),
            history: [], attachments: [])
        if let at = try row.optionalDate(At.erasedAt) {
            request.erasure = PersonalDataErasure(at: at, afterDays: try row.optionalInt(At.retentionDays) ?? 0)
        }
        request.assigneeId = try row.optionalUUID(At.assignee)
        request.previousRequestId = try row.optionalUUID(At.previousRequest)
        request.holderEmailMasked = try row.optionalText(At.holderEmailMasked)
        let basis = try row.optionalText(At.consentBasis).flatMap(ConsentBasis.init) ?? .employerAttestation
        request.consent = ConsentStanding(basis: basis, at: basis == .holder ? try row.optionalDate(At.consentedAt) : request.createdAt,
                                          consents: [])
        request.withdrawalReason = try row.optionalText(At.withdrawalReason).flatMap(WithdrawalReason.init)
        request.publicCheckOff = try row.optionalBool(At.publicCheckOff) ?? false
        request.publicCheckDays = try row.optionalInt(At.publicCheckDays)
        if let at = try row.optionalDate(At.reviewRequestedAt) {
            request.review = ResultReview(
                requestedAt: at, reason: try row.optionalText(At.reviewReason) ?? "", note: try row.optionalText(At.reviewNote),
                decision: try row.optionalText(At.reviewDecision).flatMap(ReviewDecision.init),
                decidedAt: try row.optionalDate(At.reviewDecidedAt), decisionNote: try row.optionalText(At.reviewDecisionNote),
                outcomeReviewed: try row.optionalText(At.reviewOutcomeReviewed).flatMap(VerificationOutcome.init))
        }
        if let at = try row.optionalDate(At.revokedAt) {
            request.revocation = Revocation(at: at, reason: try row.optionalText(At.revocationReason).flatMap(RevocationReason.init) ?? .other,
                                            note: try row.optionalText(At.revocationNote))
        }
    }
}

/// Where each column sits in the list's rows: its place in `RequestRow.columns`, found once.
enum RequestColumn {
    private static func at(_ name: String) -> Int { RequestRow.columns.firstIndex(of: name)! }
    static let id = at("id"), employer = at("employer_id"), entry = at("entry_id"), edition = at("edition_id")
    static let issuingBody = at("issuing_body_id"), holderName = at("holder_name"), holderNationality = at("holder_nationality")
    static let holderDateOfBirth = at("holder_date_of_birth"), passportSealed = at("passport_sealed"), passportMasked = at("passport_masked")
    static let certificateNumber = at("certificate_number"), issuedOn = at("issued_on"), expiresOn = at("expires_on"), note = at("note")
    static let status = at("status"), estimatedCompletionOn = at("estimated_completion_on"), rejectionReason = at("rejection_reason")
    static let outcome = at("outcome"), completedAt = at("completed_at"), verificationCode = at("verification_code")
    static let createdAt = at("created_at"), updatedAt = at("updated_at"), erasedAt = at("personal_data_erased_at")
    static let retentionDays = at("personal_data_retention_days"), revokedAt = at("revoked_at"), revocationReason = at("revocation_reason")
    static let revocationNote = at("revocation_note"), assignee = at("assignee_id"), previousRequest = at("previous_request_id")
    static let reviewRequestedAt = at("review_requested_at"), reviewReason = at("review_reason"), reviewNote = at("review_note")
    static let reviewDecision = at("review_decision"), reviewDecidedAt = at("review_decided_at"), reviewDecisionNote = at("review_decision_note")
    static let reviewOutcomeReviewed = at("review_outcome_reviewed"), holderEmailMasked = at("holder_email_masked")
    static let consentBasis = at("consent_basis"), consentedAt = at("consented_at"), withdrawalReason = at("withdrawal_reason")
    static let publicCheckOff = at("public_check_off"), publicCheckDays = at("public_check_days")
    /// After the columns: the employer's organization name, then the attachment's columns.
    static let organizationName = RequestRow.columns.count
    static let attachment = RequestRow.columns.count + 1
}
