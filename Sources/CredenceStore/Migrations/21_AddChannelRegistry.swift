import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 21: every channel from the registry's data, with its evidence and confidence. A
/// channel an administrator already corrected keeps what they typed and becomes
/// `confirmed` by them on the day of their change (the audit log says who and when).
struct AddChannelRegistry: AsyncMigration {
    var name: String { "2026-12-01-add-channel-registry" }

    /// A channel as stored before this migration.
    private struct LegacyChannel: Decodable {
        var kind: ChannelKind
        var url: String?
        var inputs: [String]
        var typicalWorkingDays: Int
        var source: String
    }

    private struct LegacyBody: Decodable { var channel: LegacyChannel }

    func prepare(on database: any Database) async throws {
        for body in try BundledData.issuingBodies() {
            var stored = body
            let record = try await IssuingBodyRecord.find(body.id, on: database)
            if let record, let legacy = try? JSONDecoder().decode(LegacyBody.self, from: Data(record.document.utf8)).channel,
               let change = try await AuditEventRecord.query(on: database)
                   .filter(\.$kind == "issuing_body.changed").filter(\.$subjectID == body.id).sort(\.$seq, .descending).first() {
                let typed = ChannelCorrection(kind: legacy.kind, url: legacy.url, inputs: legacy.inputs,
                                              typicalWorkingDays: legacy.typicalWorkingDays, source: legacy.source)
                let day = CalendarDate.today(at: Date(timeIntervalSince1970: Double(change.atMilliseconds) / 1000))
                stored.channel = body.channel.confirmed(as: typed, by: try await Self.name(of: change, on: database), on: day)
            }
            let document = String(decoding: try CanonicalJSON.data(stored), as: UTF8.self)
            if let record {
                record.document = document
                try await record.save(on: database)
            } else {
                let created = IssuingBodyRecord()
                created.id = body.id
                created.document = document
                try await created.create(on: database)
            }
        }
    }

    /// The administrator who made a change: their name, or the address the audit recorded.
    private static func name(of change: AuditEventRecord, on database: any Database) async throws -> String {
        if let actor = change.actorID.flatMap(UUID.init(uuidString:)), let account = try await UserRecord.find(actor, on: database) {
            return account.name
        }
        return change.email ?? "an administrator"
    }

    func revert(on database: any Database) async throws {}
}
