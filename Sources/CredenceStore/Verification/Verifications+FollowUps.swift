import CredenceCore
import FluentKit
import Foundation
import SQLKit

extension Verifications {
    public func addFollowUp(to id: UUID, on day: String, channel: String, note: String?, by officer: Account) async throws -> [FollowUp] {
        var problems: [InputError] = []
        let date = CalendarDate(day)
        if date == nil || date! > CalendarDate.today(at: now()) || date! < CalendarDate.today(at: now()).addingDays(-366) {
            problems.append(InputError("on", zh: "联系日期格式为 YYYY-MM-DD，且在过去一年内。", en: "Date must be a date written YYYY-MM-DD, within the past year and not in the future."))
        }
        let kind = FollowUp.Channel(rawValue: channel)
        if kind == nil {
            problems.append(InputError("channel", zh: "联系方式须为 email、phone、letter、online_register 或 other。",
                                       en: "Channel must be one of \(FollowUp.Channel.allCases.map(\.rawValue).joined(separator: ", ")); got '\(channel.prefix(40))'."))
        }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if (note ?? "").isEmpty || note!.count > 2000 {
            problems.append(InputError("note", zh: "请填写联系情况（最多2000字）。", en: "Note is required: what was asked and answered, at most 2,000 characters."))
        }
        guard problems.isEmpty, let date, let kind, let note else { throw VerificationError.invalid(problems) }
        try await database.transaction { db in
            _ = try await visible(id, to: officer, on: db)
            try await db.sql.insert(into: "follow_ups").columns("id", "request_id", "on_day", "channel", "note", "officer_id", "created_at")
                .values(SQLBind(UUID()), SQLBind(id), SQLBind(date.description), SQLBind(kind.rawValue), SQLBind(note), SQLBind(officer.id), SQLBind(now()))
                .run()
            try await AuditLog.append(on: db, at: now(), kind: "verification.follow_up", actor: officer.id, subject: id.uuidString.lowercased(),
                                      email: officer.email, address: nil, detail: "\(kind.rawValue) \(date)")
        }
        return try await followUps(of: id, for: officer)
    }

    /// The contact log; for an employer, only when and how the body was contacted.
    public func followUps(of id: UUID, for account: Account) async throws -> [FollowUp] {
        _ = try await visible(id, to: account)
        let staff = account.role != .employer
        return try await reader.sql.select().columns("on_day", "channel", "note", "officer_id").from("follow_ups")
            .where("request_id", .equal, SQLBind(id)).orderBy("on_day").orderBy("created_at").all().compactMap { row in
                guard let day = CalendarDate(try row.decode(column: "on_day", as: String.self)),
                      let channel = FollowUp.Channel(rawValue: try row.decode(column: "channel", as: String.self)) else { return nil }
                return FollowUp(on: day, channel: channel, note: staff ? try row.decode(column: "note", as: String?.self) : nil,
                                officerId: staff ? try row.decode(column: "officer_id", as: UUID?.self) : nil)
            }
    }

    /// The employer rates its own completed request, once (a second time is a 409).
    public func rate(_ id: UUID, score: Int, comment: String?, by employer: Account) async throws -> Rating {
        guard employer.role == .employer else { throw VerificationError.notFound }
        _ = try await visible(id, to: employer)  // whose request, before what the rating says
        var problems: [InputError] = []
        if !(1...5).contains(score) { problems.append(InputError("score", zh: "评分为1到5。", en: "Score must be a whole number from 1 to 5.")) }
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if let comment, comment.count > 2000 { problems.append(InputError("comment", zh: "评价最多2000字。", en: "Comment may have at most 2,000 characters.")) }
        guard problems.isEmpty else { throw VerificationError.invalid(problems) }
        guard employer.role == .employer else { throw VerificationError.notFound }
        let at = now()
        try await database.transaction { db in
            let record = try await visible(id, to: employer, on: db)
            guard record.status == VerificationStatus.completed.rawValue else {
                throw VerificationError.illegal(IllegalTransition(from: VerificationStatus(rawValue: record.status) ?? .submitted, action: .complete))
            }
            let existing = try await db.sql.select().column("request_id").from("ratings").where("request_id", .equal, SQLBind(id)).first()
            guard existing == nil else { throw VerificationError.alreadyRated }
            try await db.sql.insert(into: "ratings").columns("request_id", "issuing_body_id", "score", "comment", "created_at")
                .values(SQLBind(id), SQLBind(record.issuingBodyID), SQLBind(score), sqlValue(comment), SQLBind(at)).run()
            try await ServiceRecords.rated(body: record.issuingBodyID, score: score, at: at, on: db.sql)
            try await AuditLog.append(on: db, at: at, kind: "verification.rated", actor: employer.id, subject: id.uuidString.lowercased(),
                                      email: employer.email, address: nil, detail: String(score))
        }
        return Rating(score: score, comment: comment, at: at)
    }

    public func rating(of id: UUID) async throws -> Rating? {
        guard let row = try await reader.sql.select().columns("score", "comment", "created_at").from("ratings")
            .where("request_id", .equal, SQLBind(id)).first() else { return nil }
        return Rating(score: try row.decode(column: "score", as: Int.self), comment: try row.decode(column: "comment", as: String?.self),
                      at: try row.decode(column: "created_at", as: Date.self))
    }
}
