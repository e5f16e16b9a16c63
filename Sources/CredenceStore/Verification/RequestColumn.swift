import Foundation

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
