import CredenceCore
import Crypto
import FluentKit
import Foundation
import SQLKit

/// A request's files: stored in the database with their SHA-256, judged by their bytes,
/// within the employer's quota.
extension Verifications {
    public func attach(fileName: String, bytes: [UInt8], to id: UUID, by account: Account) async throws
        -> VerificationRequest.Attachment
    {
        guard account.role == .employer else { throw VerificationError.notFound }
        if bytes.isEmpty { throw VerificationError.attachmentEmpty }
        if bytes.count > AttachmentKind.maxBytes { throw VerificationError.attachmentTooLarge }
        guard let kind = AttachmentKind(sniffing: bytes) else { throw VerificationError.attachmentType }
        let record = AttachmentRecord()
        record.id = UUID()
        record.fileName = kind.safeFileName(fileName)
        record.kind = kind.rawValue
        record.size = bytes.count
        record.sha256 = SHA256.hash(data: bytes).hex
        record.bytes = Data(bytes)
        record.createdAt = now()
        try await database.transaction { db in
            let request = try await visible(id, to: account, on: db)
            guard let status = VerificationStatus(rawValue: request.status), !status.isFinal else {
                throw VerificationError.illegal(IllegalTransition(from: VerificationStatus(rawValue: request.status) ?? .completed, action: .resubmit))
            }
            record.requestID = try request.requireID()
            let count = try await AttachmentRecord.query(on: db).filter(\.$requestID == record.requestID).count()
            if count >= AttachmentKind.maxPerRequest { throw VerificationError.tooManyAttachments }
            try await checkQuota(of: request.employerID, adding: bytes.count, on: db)
            try await record.create(on: db)
        }
        return VerificationRequest.Attachment(id: record.id!, fileName: record.fileName, kind: kind, size: record.size,
                                              sha256: record.sha256, createdAt: record.createdAt)
    }

    /// Refuses `bytes` more when the employer's attachments would pass the quota.
    public func checkQuota(of employer: UUID, adding bytes: Int, on db: (any Database)? = nil) async throws {
        let row = try await (db ?? database).sql.raw("""
            SELECT CAST(COALESCE(SUM(a.size), 0) AS BIGINT) AS used FROM attachments a
            JOIN verification_requests r ON r.id = a.request_id WHERE r.employer_id = \(bind: employer)
            """).first()
        let used = try row?.decode(column: "used", as: Int64.self) ?? 0
        if Int(used) + bytes > attachmentQuota { throw VerificationError.quotaExceeded(quota: attachmentQuota) }
    }

    public func attachment(_ attachmentID: UUID, of id: UUID, for account: Account) async throws
        -> (VerificationRequest.Attachment, Data)
    {
        guard account.role.handlesPersonalData else { throw VerificationError.notFound }
        _ = try await visible(id, to: account)
        guard let record = try await AttachmentRecord.find(attachmentID, on: database), record.requestID == id,
              let kind = AttachmentKind(rawValue: record.kind)
        else { throw VerificationError.notFound }
        return (VerificationRequest.Attachment(id: attachmentID, fileName: record.fileName, kind: kind, size: record.size,
                                               sha256: record.sha256, createdAt: record.createdAt), record.bytes)
    }
}
