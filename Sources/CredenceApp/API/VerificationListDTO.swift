import CredenceCore
import Foundation
import NIOCore

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

    /// The bytes `APIJSON.encode(self)` makes, written directly; `JSONBytesTests` holds the
    /// two equal.
    func json() throws -> ByteBuffer {
        var out = JSONBytes(capacity: 1024 * (requests.count + 1))
        out.raw(#"{"next":"#); out.optionalString(next)
        out.raw(#","requests":["#)
        for (index, item) in requests.enumerated() {
            if index > 0 { out.raw(",") }
            try item.writeSummary(&out)
        }
        out.raw("]}")
        return out.buffer
    }
}

extension VerificationRequestDTO {
    /// A request as a list shows it (no history), keys in the encoder's sorted order.
    func writeSummary(_ out: inout JSONBytes) throws {
        let r = request
        out.raw(#"{"assignee":"#); out.optionalString(r.assigneeId.map { $0.lowercasedText })
        out.raw(#","attachments":"#)
        out.array(r.attachments) { out, file in
            out.raw(#"{"fileName":"#); out.string(file.fileName)
            out.raw(#","id":"#); out.string(file.id.lowercasedText)
            out.raw(#","kind":"#); out.string(file.kind.rawValue)
            out.raw(#","sha256":"#); out.string(file.sha256)
            out.raw(#","size":"#); out.int(file.size)
            out.raw("}")
        }
        out.raw(#","certificateNumber":"#); out.string(r.certificateNumber)
        out.raw(#","certificateStatus":"#); out.optionalString(r.certificateStatus?.rawValue)
        out.raw(#","channel":"#)
        switch channel {
        case .summary(let id, let kind):
            out.raw(#"{"id":"#); out.string(id)
            out.raw(#","kind":"#); out.string(kind.rawValue)
            out.raw("}")
        case .whole(let channel):
            out.json(Array(try APIJSON.encode(channel)))
        case nil:
            out.raw("null")
        }
        out.raw(#","completedAt":"#); out.optionalString(r.completedAt.map(Timestamps.rfc3339))
        out.raw(#","consent":{"at":"#); out.optionalString(r.consent.at.map(Timestamps.rfc3339))
        out.raw(#","basis":"#); out.string(r.consent.basis.rawValue)
        out.raw("}")
        out.raw(#","createdAt":"#); out.string(Timestamps.rfc3339(r.createdAt))
        out.raw(#","disclaimer":"#); if r.status == .completed { out.bilingual(Disclaimer.text) } else { out.raw("null") }
        out.raw(#","dueOn":"#); out.optionalString(r.dueOn)
        out.raw(#","edition":"#); out.string(r.edition)
        out.raw(#","entryId":"#); out.string(r.entryId)
        out.raw(#","estimatedCompletionOn":"#); out.optionalString(r.estimatedCompletionOn)
        out.raw(#","expiresOn":"#); out.optionalString(r.expiresOn)
        out.raw(#","holder":{"dateOfBirth":"#); out.optionalString(r.holderDateOfBirth)
        out.raw(#","email":"#); out.optionalString(r.holderEmailMasked)
        out.raw(#","name":"#); out.string(r.holderName)
        out.raw(#","nationality":"#); out.string(r.holderNationality)
        out.raw(#","passportNumber":"#); out.optionalString(r.passportMasked)
        out.raw(#"},"id":"#); out.string(r.id.lowercasedText)
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
        out.raw(#","previousRequestId":"#); out.optionalString(r.previousRequestId.map { $0.lowercasedText })
        out.raw(#","rejectionReason":"#); out.optionalString(r.rejectionReason?.rawValue)
        out.raw(#","review":"#)
        if let review = r.review {
            out.raw(#"{"decidedAt":"#); out.optionalString(review.decidedAt.map(Timestamps.rfc3339))
            out.raw(#","decision":"#); out.optionalString(review.decision?.rawValue)
            out.raw(#","decisionNote":"#); out.optionalString(review.decisionNote)
            out.raw(#","note":"#); out.optionalString(review.note)
            out.raw(#","outcomeReviewed":"#); out.optionalString(review.outcomeReviewed?.rawValue)
            out.raw(#","reason":"#); out.string(review.reason)
            out.raw(#","requestedAt":"#); out.string(Timestamps.rfc3339(review.requestedAt))
            out.raw("}")
        } else {
            out.raw("null")
        }
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
        out.raw(#","withdrawalReason":"#); out.optionalString(r.withdrawalReason?.rawValue)
        out.raw("}")
    }
}
