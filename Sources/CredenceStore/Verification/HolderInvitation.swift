import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// A link mailed to a request's holder (issue 31): 256 random bits, stored only as their
/// SHA-256 (`holder_links`), valid `days`; the mail waits in the outbox with its recipient
/// and link sealed, and the sealed part is cleared once it is sent.
struct HolderInvitation: Sendable {
    static let days = 30

    var requestID: UUID
    var employerID: UUID
    var tokenHash: String
    var recipientSealed: String
    var at: Date

    /// What the sealed recipient holds.
    struct Recipient: Codable {
        var to: String
        var token: String
    }

    static func make(requestID: UUID, employerID: UUID, email: String, at: Date, sealer: DataSealer) throws -> HolderInvitation {
        let token = SecretToken.make()
        let recipient = String(decoding: try CanonicalJSON.data(Recipient(to: email, token: token)), as: UTF8.self)
        return HolderInvitation(requestID: requestID, employerID: employerID, tokenHash: SecretToken.digest(token),
                                recipientSealed: try sealer.seal(recipient), at: at)
    }

    /// The links and their mails, on `db` (the transaction that holds the request).
    static func store(_ invitations: [HolderInvitation], on db: any Database) async throws {
        guard !invitations.isEmpty else { return }
        let links = db.sql.insert(into: HolderLinkRecord.schema).columns("token_hash", "request_id", "created_at", "expires_at", "used")
        let mails = db.sql.insert(into: OutboxRecord.schema)
            .columns("id", "channel", "employer_id", "payload", "created_at", "attempts", "next_attempt_at", "recipient_sealed")
        for invitation in invitations {
            links.values([SQLBind(invitation.tokenHash), SQLBind(invitation.requestID), SQLBind(invitation.at),
                          SQLBind(invitation.at.addingTimeInterval(Double(days) * 86_400)), SQLBind("")])
            let payload = #"{"event":"\#(HolderInvitationMail.event)","requestId":"\#(invitation.requestID.uuidString.lowercased())"}"#
            mails.values([SQLBind(UUID()), SQLBind(OutboxChannel.mail.rawValue), SQLBind(invitation.employerID), SQLBind(payload),
                          SQLBind(invitation.at), SQLBind(0), SQLBind(invitation.at), SQLBind(invitation.recipientSealed)])
        }
        try await links.run()
        try await mails.run()
    }
}

extension Verifications {
    /// How long a holder's link is valid.
    public static let holderLinkDays = HolderInvitation.days

    /// A submission ready to store: the passport number and the holder's address sealed, and
    /// with that address, the holder's link and its mail.
    func pending(_ draft: VerificationDraft, by employer: Account, edition: String, body: String, at: Date? = nil,
                 batch: UUID? = nil) throws -> PendingSubmission {
        let id = UUID(), at = at ?? now()
        return PendingSubmission(
            id: id, employer: employer, draft: draft, passportSealed: try draft.passportNumber.map(keys.sealer.seal), editionID: edition,
            issuingBodyID: body, createdAt: at, batchID: batch, holderEmailSealed: try draft.holderEmail.map(keys.sealer.seal),
            invitation: try draft.holderEmail.map { try HolderInvitation.make(requestID: id, employerID: employer.id, email: $0, at: at, sealer: keys.sealer) })
    }
}
