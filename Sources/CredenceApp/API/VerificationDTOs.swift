import CredenceCore
import Foundation

/// A verification request as the API shows it (contract.md, "Verification"). Absent facts
/// are null; `history` only on a single request; the passport number in full only there, and
/// only for those who handle personal data (administrators see it masked).
struct VerificationRequestDTO: Encodable, Sendable {
    var request: VerificationRequest
    var channel: VerificationChannel?
    var detail: Bool

    enum CodingKeys: String, CodingKey {
        case id, entryId, edition, issuingBodyId, organizationName, holder, certificateNumber, issuedOn, expiresOn, note, status,
             estimatedCompletionOn, rejectionReason, outcome, completedAt, verificationCode, disclaimer, createdAt, updatedAt,
             attachments, channel, history, infoRequests, personalDataErased, revocation, assignee, dueOn, overdue
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

    enum HolderKeys: String, CodingKey { case name, nationality, dateOfBirth, passportNumber }

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
        try c.encode(request.certificateNumber, forKey: .certificateNumber)
        try c.encode(request.issuedOn, forKey: .issuedOn)
        try c.encode(request.expiresOn, forKey: .expiresOn)
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

struct VerificationListDTO: Encodable, Sendable {
    var requests: [VerificationRequestDTO]
    /// The address of the next page, or null on the last.
    var next: String?

    enum CodingKeys: String, CodingKey { case requests, next }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(requests, forKey: .requests)
        try c.encode(next, forKey: .next)  // null, not absent
    }

    /// The bytes `APIJSON.encode(self)` makes, written directly (each issuing body's channel
    /// encoded once); `JSONBytesTests` holds the two equal.
    func json() throws -> [UInt8] {
        var channels: [(channel: VerificationChannel, json: [UInt8])] = []
        func encoded(_ channel: VerificationChannel) throws -> [UInt8] {
            if let known = channels.first(where: { $0.channel == channel }) { return known.json }
            let json = Array(try APIJSON.encode(channel))
            channels.append((channel, json))
            return json
        }
        var out = JSONBytes(capacity: 1024 * (requests.count + 1))
        out.raw(#"{"next":"#); out.optionalString(next)
        out.raw(#","requests":["#)
        for (index, item) in requests.enumerated() {
            if index > 0 { out.raw(",") }
            item.writeSummary(&out, channel: try item.channel.map(encoded))
        }
        out.raw("]}")
        return out.bytes
    }
}

extension VerificationRequestDTO {
    /// A request as a list shows it (no history), keys in the encoder's sorted order.
    func writeSummary(_ out: inout JSONBytes, channel: [UInt8]?) {
        let r = request
        out.raw(#"{"assignee":"#); out.optionalString(r.assigneeId.map { $0.uuidString.lowercased() })
        out.raw(#","attachments":"#)
        out.array(r.attachments) { out, file in
            out.raw(#"{"fileName":"#); out.string(file.fileName)
            out.raw(#","id":"#); out.string(file.id.uuidString.lowercased())
            out.raw(#","kind":"#); out.string(file.kind.rawValue)
            out.raw(#","sha256":"#); out.string(file.sha256)
            out.raw(#","size":"#); out.int(file.size)
            out.raw("}")
        }
        out.raw(#","certificateNumber":"#); out.string(r.certificateNumber)
        out.raw(#","channel":"#); if let channel { out.json(channel) } else { out.raw("null") }
        out.raw(#","completedAt":"#); out.optionalString(r.completedAt.map(Timestamps.rfc3339))
        out.raw(#","createdAt":"#); out.string(Timestamps.rfc3339(r.createdAt))
        out.raw(#","disclaimer":"#); if r.status == .completed { out.bilingual(Disclaimer.text) } else { out.raw("null") }
        out.raw(#","dueOn":"#); out.optionalString(r.dueOn)
        out.raw(#","edition":"#); out.string(r.edition)
        out.raw(#","entryId":"#); out.string(r.entryId)
        out.raw(#","estimatedCompletionOn":"#); out.optionalString(r.estimatedCompletionOn)
        out.raw(#","expiresOn":"#); out.optionalString(r.expiresOn)
        out.raw(#","holder":{"dateOfBirth":"#); out.optionalString(r.holderDateOfBirth)
        out.raw(#","name":"#); out.string(r.holderName)
        out.raw(#","nationality":"#); out.string(r.holderNationality)
        out.raw(#","passportNumber":"#); out.optionalString(r.passportMasked)
        out.raw(#"},"id":"#); out.string(r.id.uuidString.lowercased())
        out.raw(#","issuedOn":"#); out.optionalString(r.issuedOn)
        out.raw(#","issuingBodyId":"#); out.string(r.issuingBodyId)
        out.raw(#","note":"#); out.optionalString(r.note)
        out.raw(#","organizationName":"#); out.optionalString(r.organizationName)
        out.raw(#","outcome":"#); out.optionalString(r.outcome?.rawValue)
        out.raw(#","overdue":"#); out.raw(r.overdue ? "true" : "false")
        out.raw(#","personalDataErased":"#)
        if let erasure = r.erasure {
            out.raw(#"{"afterDays":"#); out.int(erasure.afterDays)
            out.raw(#","at":"#); out.string(Timestamps.rfc3339(erasure.at))
            out.raw(#","message":"#); out.bilingual(erasure.notice)
            out.raw("}")
        } else {
            out.raw("null")
        }
        out.raw(#","rejectionReason":"#); out.optionalString(r.rejectionReason?.rawValue)
        out.raw(#","revocation":"#)
        if let revocation = r.revocation {
            out.raw(#"{"at":"#); out.string(Timestamps.rfc3339(revocation.at))
            out.raw(#","note":"#); out.optionalString(revocation.note)
            out.raw(#","reason":"#); out.string(revocation.reason.rawValue)
            out.raw("}")
        } else {
            out.raw("null")
        }
        out.raw(#","status":"#); out.string(r.status.rawValue)
        out.raw(#","updatedAt":"#); out.string(Timestamps.rfc3339(r.updatedAt))
        out.raw(#","verificationCode":"#); out.optionalString(r.verificationCode)
        out.raw("}")
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

struct PublicCheckDTO: Encodable, Sendable {
    var code: String
    var outcome: String
    var entryId: String
    var entryName: BilingualText?
    var edition: String
    var completedOn: String
    var holderName: String
    var disclaimer = Disclaimer.text
    /// Set when the result was withdrawn after it was given.
    var revocation: VerificationRequestDTO.RevocationDTO?
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
