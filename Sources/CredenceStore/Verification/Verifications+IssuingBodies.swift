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

    /// An administrator confirms or corrects how a body's certificates can be checked,
    /// naming the source they checked and the day (today if not given); audited.
    public func updateChannel(of id: String, to correction: ChannelCorrection, checkedOn: CalendarDate?, by admin: Account) async throws -> IssuingBody {
        let today = CalendarDate.today(at: now())
        guard let record = try await IssuingBodyRecord.find(id, on: database) else { throw VerificationError.unknownIssuingBody }
        var body = try JSONDecoder().decode(IssuingBody.self, from: Data(record.document.utf8))
        let channel = body.channel.confirmed(as: correction, by: admin.name.isEmpty ? admin.email : admin.name, on: checkedOn ?? today)
        var problems = channel.problems()
        if let checkedOn, checkedOn > today {
            problems.append(InputError("checkedOn", zh: "核实日期不能晚于今天。", en: "Checked on must be a day on or before today (\(today))."))
        }
        guard problems.isEmpty else { throw VerificationError.invalid(problems) }
        struct Change: Encodable { var before: VerificationChannel; var confirmation: ChannelConfirmation? }
        let detail = String(decoding: try CanonicalJSON.data(Change(before: body.channel, confirmation: channel.confirmation)), as: UTF8.self)
        body.channel = channel
        record.document = String(decoding: try CanonicalJSON.data(body), as: UTF8.self)
        try await database.transaction { db in
            try await record.save(on: db)
            try await Editions.bump(on: db)  // instances holding the registry in memory reload it
            try await AuditLog.append(on: db, at: now(), kind: "issuing_body.changed", actor: admin.id, subject: id, email: admin.email,
                                      address: nil, detail: detail)
        }
        return body
    }
}
