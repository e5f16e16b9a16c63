import CredenceCore
import Foundation

/// A verification request as the API shows it (contract.md, "Verification"). Absent facts
/// are null; `history` only on a single request; the passport number in full only there, and
/// only for those who handle personal data (administrators see it masked).
struct VerificationRequestDTO: Encodable, Sendable {
    var request: VerificationRequest
    var channel: ChannelDTO?
    var detail: Bool

    enum CodingKeys: String, CodingKey {
        case id, entryId, edition, issuingBodyId, organizationName, holder, certificateNumber, certificateStatus, issuedOn, expiresOn, note, status,
             estimatedCompletionOn, rejectionReason, outcome, completedAt, verificationCode, disclaimer, createdAt, updatedAt,
             attachments, channel, history, infoRequests, personalDataErased, revocation, assignee, dueOn, overdue, previousRequestId, review, consent, withdrawalReason
    }

    /// Whose consent the request rests on (issue 31); the holder's records on a single request.
    struct ConsentDTO: Encodable {
        var standing: ConsentStanding
        var detail: Bool

        enum CodingKeys: String, CodingKey { case basis, at, records }
        enum RecordKeys: String, CodingKey { case kind, at, textVersion, language }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(standing.basis.rawValue, forKey: .basis)
            try c.encode(standing.at.map(Timestamps.rfc3339), forKey: .at)
            guard detail else { return }
            var records = c.nestedUnkeyedContainer(forKey: .records)
            for record in standing.consents {
                var r = records.nestedContainer(keyedBy: RecordKeys.self)
                try r.encode(record.kind.rawValue, forKey: .kind)
                try r.encode(Timestamps.rfc3339(record.at), forKey: .at)
                try r.encode(record.textVersion, forKey: .textVersion)
                try r.encode(record.language, forKey: .language)
            }
        }
    }

    struct ErasureDTO: Encodable {
        var at: String
        var afterDays: Int
        var message: BilingualText
    }

    struct RevocationDTO: Encodable {
        var at: String
        var reason: String
        var note: String?

        init(_ revocation: Revocation) {
            at = Timestamps.rfc3339(revocation.at)
            reason = revocation.reason.rawValue
            note = revocation.note
        }

        enum CodingKeys: String, CodingKey { case at, reason, note }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(at, forKey: .at)
            try c.encode(reason, forKey: .reason)
            try c.encode(note, forKey: .note)
        }
    }

    enum HolderKeys: String, CodingKey { case name, nationality, dateOfBirth, passportNumber, email }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(request.id.uuidString.lowercased(), forKey: .id)
        try c.encode(request.entryId, forKey: .entryId)
        try c.encode(request.edition, forKey: .edition)
        try c.encode(request.issuingBodyId, forKey: .issuingBodyId)
        try c.encode(request.organizationName, forKey: .organizationName)
        var holder = c.nestedContainer(keyedBy: HolderKeys.self, forKey: .holder)
        try holder.encode(request.holderName, forKey: .name)
        try holder.encode(request.holderNationality, forKey: .nationality)
        try holder.encode(request.holderDateOfBirth, forKey: .dateOfBirth)
        try holder.encode(detail ? request.passportNumber ?? request.passportMasked : request.passportMasked, forKey: .passportNumber)
        try holder.encode(request.holderEmailMasked, forKey: .email)
        try c.encode(request.certificateNumber, forKey: .certificateNumber)
        try c.encode(request.issuedOn, forKey: .issuedOn)
        try c.encode(request.expiresOn, forKey: .expiresOn)
        try c.encode(request.certificateStatus?.rawValue, forKey: .certificateStatus)
        try c.encode(request.note, forKey: .note)
        try c.encode(request.status.rawValue, forKey: .status)
        try c.encode(request.estimatedCompletionOn, forKey: .estimatedCompletionOn)
        try c.encode(request.rejectionReason?.rawValue, forKey: .rejectionReason)
        try c.encode(request.outcome?.rawValue, forKey: .outcome)
        try c.encode(request.completedAt.map(Timestamps.rfc3339), forKey: .completedAt)
        try c.encode(request.verificationCode, forKey: .verificationCode)
        try c.encode(request.status == .completed ? Disclaimer.text : nil, forKey: .disclaimer)
        try c.encode(Timestamps.rfc3339(request.createdAt), forKey: .createdAt)
        try c.encode(Timestamps.rfc3339(request.updatedAt), forKey: .updatedAt)
        try c.encode(request.attachments.map(AttachmentDTO.init), forKey: .attachments)
        try c.encode(channel, forKey: .channel)
        if detail {
            try c.encode(request.history.map(EventDTO.init), forKey: .history)
            try c.encode(InfoRequest.all(in: request.history).map(InfoRequestDTO.init), forKey: .infoRequests)
        }
        try c.encode(request.erasure.map { ErasureDTO(at: Timestamps.rfc3339($0.at), afterDays: $0.afterDays, message: $0.notice) },
                     forKey: .personalDataErased)
        try c.encode(request.revocation.map(RevocationDTO.init), forKey: .revocation)
        try c.encode(request.assigneeId.map { $0.uuidString.lowercased() }, forKey: .assignee)
        try c.encode(request.dueOn, forKey: .dueOn)
        try c.encode(request.overdue, forKey: .overdue)
        try c.encode(request.previousRequestId.map { $0.uuidString.lowercased() }, forKey: .previousRequestId)
        try c.encode(request.review.map(ReviewDTO.init), forKey: .review)
        try c.encode(ConsentDTO(standing: request.consent, detail: detail), forKey: .consent)
        try c.encode(request.withdrawalReason?.rawValue, forKey: .withdrawalReason)
    }
}

struct AttachmentDTO: Encodable, Sendable {
    var id: String
    var fileName: String
    var kind: String
    var size: Int
    var sha256: String

    init(_ attachment: VerificationRequest.Attachment) {
        id = attachment.id.uuidString.lowercased()
        fileName = attachment.fileName
        kind = attachment.kind.rawValue
        size = attachment.size
        sha256 = attachment.sha256
    }
}

/// A checklist of what was missing and, once resubmitted, the answer to each item.
struct InfoRequestDTO: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        var item: Int
        var code: String
        var name: BilingualText
        var note: String?
        var answer: Answer?

        enum CodingKeys: String, CodingKey { case item, code, name, note, answer }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(item, forKey: .item)
            try c.encode(code, forKey: .code)
            try c.encode(name, forKey: .name)
            try c.encode(note, forKey: .note)
            try c.encode(answer, forKey: .answer)
        }
    }

    struct Answer: Encodable, Sendable {
        var note: String?
        var attachmentId: String?

        enum CodingKeys: String, CodingKey { case note, attachmentId }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(note, forKey: .note)
            try c.encode(attachmentId, forKey: .attachmentId)
        }
    }

    var requestedAt: String
    var note: String?
    var items: [Item]
    var answeredAt: String?

    init(_ round: InfoRequest) {
        requestedAt = Timestamps.rfc3339(round.requestedAt)
        note = round.note
        items = round.items.enumerated().map { index, item in
            Item(item: index + 1, code: item.code.rawValue, name: item.code.name, note: item.note,
                 answer: round.answer(to: index + 1).map { Answer(note: $0.note, attachmentId: $0.attachmentId?.uuidString.lowercased()) })
        }
        answeredAt = round.answeredAt.map(Timestamps.rfc3339)
    }

    enum CodingKeys: String, CodingKey { case requestedAt, note, items, answeredAt }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(requestedAt, forKey: .requestedAt)
        try c.encode(note, forKey: .note)
        try c.encode(items, forKey: .items)
        try c.encode(answeredAt, forKey: .answeredAt)
    }
}

struct EventDTO: Encodable, Sendable {
    var event: VerificationRequest.Event

    init(_ event: VerificationRequest.Event) { self.event = event }

    enum CodingKeys: String, CodingKey { case action, from, to, actorRole, at, note }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(event.action.rawValue, forKey: .action)
        try c.encode(event.from?.rawValue, forKey: .from)
        try c.encode(event.to.rawValue, forKey: .to)
        try c.encode(event.actorRole.rawValue, forKey: .actorRole)
        try c.encode(Timestamps.rfc3339(event.at), forKey: .at)
        try c.encode(event.note, forKey: .note)
    }
}

struct SignedReceiptDTO: Encodable, Sendable {
    var receipt: JSONValue
    var signature: String
    var keyId: String
}

struct PublicKeyDTO: Encodable, Sendable {
    var keyId: String
    var algorithm = "Ed25519"
    var publicKey: String
}

struct IssuingBodyListDTO: Encodable, Sendable {
    var issuingBodies: [IssuingBody]
}

struct AuditListDTO: Encodable, Sendable {
    struct Event: Encodable, Sendable {
        var seq: Int64
        var at: String
        var kind: String
        var actorId: String?
        var subjectId: String?
        var email: String?
        var detail: String?
        var previousHash: String
        var hash: String

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(seq, forKey: .seq)
            try c.encode(at, forKey: .at)
            try c.encode(kind, forKey: .kind)
            try c.encode(actorId, forKey: .actorId)
            try c.encode(subjectId, forKey: .subjectId)
            try c.encode(email, forKey: .email)
            try c.encode(detail, forKey: .detail)
            try c.encode(previousHash, forKey: .previousHash)
            try c.encode(hash, forKey: .hash)
        }

        enum CodingKeys: String, CodingKey { case seq, at, kind, actorId, subjectId, email, detail, previousHash, hash }
    }

    var events: [Event]
}

struct WebhookDTO: Encodable, Sendable {
    var url: String
    var secret: String
    var signatureHeader = "Credence-Signature"
    var timestampHeader = "Credence-Timestamp"
}
