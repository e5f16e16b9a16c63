import CredenceCore
import FluentKit
import Foundation
import SQLKit

extension Verifications {
    /// Finished requests (completed, rejected, withdrawn) whose last change is older than
    /// the policy allows and whose personal data is still there, oldest first.
    public func dueForErasure(_ policy: RetentionPolicy) async throws -> [ErasureCandidate] {
        let finished = [VerificationStatus.completed, .rejected, .withdrawn].map(\.rawValue)
        // One query, the attachments counted alongside (not one count per request).
        let rows = try await database.sql.raw("""
            SELECT r.id, r.status, r.updated_at, COUNT(a.id) AS files
            FROM verification_requests r LEFT JOIN attachments a ON a.request_id = r.id
            WHERE r.status IN (\(binds: finished)) AND r.updated_at < \(bind: policy.cutoff(now: now()))
              AND r.personal_data_erased_at IS NULL
            GROUP BY r.id, r.status, r.updated_at
            ORDER BY r.updated_at
            """).all()
        return try rows.map { row in
            ErasureCandidate(id: try row.decode(column: "id", as: UUID.self),
                             status: VerificationStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .completed,
                             finishedAt: try row.decode(column: "updated_at", as: Date.self),
                             attachments: try row.decode(column: "files", as: Int.self))
        }
    }

    /// Erases what `dueForErasure` lists: each request in one transaction — passport number
    /// and date of birth cleared, the holder's name masked, attachments deleted, and the
    /// erasure appended to the audit chain. Then SQLite's file is vacuumed, so the erased
    /// bytes leave the disk. Safe to run on several instances at once: a request already
    /// erased is skipped.
    public func erase(_ policy: RetentionPolicy) async throws -> [ErasureCandidate] {
        var erased: [ErasureCandidate] = []
        for candidate in try await dueForErasure(policy) {
            let done = try await database.transaction { db in
                try await eraseOne(candidate.id, afterDays: policy.days, detail: "retention_days=\(policy.days) attachments=\(candidate.attachments)",
                                   on: db)
            }
            if done { erased.append(candidate) }
        }
        if !erased.isEmpty, database.sql.dialect.name == "sqlite" {
            try await database.sql.raw("VACUUM").run()
        }
        return erased
    }

    /// Erases one request's personal data on `db`: passport number and date of birth
    /// cleared, the holder's name masked and no longer searchable, the holder's address
    /// gone, attachments deleted, the erasure in the audit chain. False when it was erased already.
    func eraseOne(_ id: UUID, afterDays days: Int, detail: String, on db: any Database) async throws -> Bool {
        let at = now()
        let rows = try await db.sql.raw("""
            UPDATE verification_requests SET holder_date_of_birth = NULL, passport_sealed = NULL, passport_masked = NULL,
              holder_email_sealed = NULL, personal_data_erased_at = \(bind: at), personal_data_retention_days = \(bind: days)
            WHERE id = \(bind: id) AND personal_data_erased_at IS NULL
            RETURNING holder_name, certificate_number, verification_code
            """).all()
        guard let row = rows.first else { return false }
        try await VerificationRequestRecord.query(on: db).filter(\.$id == id)
            .set(\.$holderName, to: Masking.name(try row.decode(column: "holder_name", as: String.self))).update()
        // The name is no longer searchable; the number and the code stay.
        try await SearchTerms.replace(id, with: SearchTerms.terms(
            holderName: nil, certificateNumber: try row.decode(column: "certificate_number", as: String.self),
            code: try row.decode(column: "verification_code", as: String?.self)), on: db.sql)
        try await AttachmentRecord.query(on: db).filter(\.$requestID == id).delete()
        try await AuditLog.append(on: db, at: at, kind: "personal_data.erased", actor: nil, subject: id.uuidString.lowercased(), email: nil,
                                  address: nil, detail: detail)
        return true
    }
}
