import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// 一次性告知: a `request_info` event keeps its checklist, the `resubmit` after it the
/// answers, both as JSON in the event's `checklist` column — part of the history, so part
/// of what the audit chain and the request's page show.
struct EventChecklist: Codable {
    var items: [InfoItem]?
    var answers: [InfoAnswer]?

    /// The column's text for an event, or nil when it carries neither.
    static func column(items: [InfoItem]?, answers: [InfoAnswer]?) throws -> String? {
        guard items != nil || answers != nil else { return nil }
        return String(decoding: try CanonicalJSON.data(EventChecklist(items: items, answers: answers)), as: UTF8.self)
    }

    static func read(_ text: String?) -> EventChecklist? {
        text.flatMap { try? JSONDecoder().decode(EventChecklist.self, from: Data($0.utf8)) }
    }
}

extension Verifications {
    /// The answers to request `id`'s open checklist, checked against it (inside the
    /// resubmission's transaction). With no checklist open, no answers may be given.
    func checkedAnswers(_ answers: [InfoAnswer], to id: UUID, on db: any Database) async throws -> [InfoAnswer]? {
        let history = try await events(on: db.sql) { select in
            select.where(SQLColumn("request_id", table: VerificationEventRecord.schema), .equal, SQLBind(id))
                .orderBy(SQLColumn("at", table: VerificationEventRecord.schema))
        }.map(\.event)
        guard let open = InfoRequest.all(in: history).last, open.answeredAt == nil, !open.items.isEmpty else {
            guard answers.isEmpty else {
                throw VerificationError.invalid([InputError("answers", zh: "本申请没有待答复的补充材料清单。",
                                                            en: "The answers: this request has no open list of missing items to answer.")])
            }
            return nil
        }
        let files = Set(try await AttachmentRecord.query(on: db).filter(\.$requestID == id).all().compactMap(\.id))
        do {
            return try open.validatedAnswers(answers, attachments: files)
        } catch let error as InvalidInput {
            throw VerificationError.invalid(error.problems)
        }
    }
}

/// Issue 17: the checklist column.
struct AddInfoChecklists: AsyncMigration {
    var name: String { "2026-12-01-add-info-checklists" }

    func prepare(on database: any Database) async throws {
        try await database.sql.alter(table: VerificationEventRecord.schema).column("checklist", type: .text).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.alter(table: VerificationEventRecord.schema).dropColumn("checklist").run()
    }
}
