import CredenceCore
import FluentKit
import Foundation

/// The issuing bodies and how each one's certificates can be checked: read as a registry,
/// corrected by administrators.
extension Verifications {
    public func issuingBodyRegistry() async throws -> IssuingBodyRegistry {
        IssuingBodyRegistry(try await IssuingBodyRecord.query(on: database).sort(\.$id).all().map {
            try JSONDecoder().decode(IssuingBody.self, from: Data($0.document.utf8))
        })
    }

    /// An administrator corrects how a body's certificates can be checked; audited.
    public func updateChannel(of id: String, to channel: VerificationChannel, by admin: Account) async throws -> IssuingBody {
        let problems = channel.problems()
        guard problems.isEmpty else { throw VerificationError.invalid(problems) }
        guard let record = try await IssuingBodyRecord.find(id, on: database) else { throw VerificationError.unknownIssuingBody }
        var body = try JSONDecoder().decode(IssuingBody.self, from: Data(record.document.utf8))
        let before = String(decoding: try CanonicalJSON.data(body.channel), as: UTF8.self)
        body.channel = channel
        record.document = String(decoding: try CanonicalJSON.data(body), as: UTF8.self)
        try await database.transaction { db in
            try await record.save(on: db)
            try await Editions.bump(on: db)  // instances holding the registry in memory reload it
            try await AuditLog.append(on: db, at: now(), kind: "issuing_body.changed", actor: admin.id, subject: id, email: admin.email,
                                      address: nil, detail: before)
        }
        return body
    }
}
