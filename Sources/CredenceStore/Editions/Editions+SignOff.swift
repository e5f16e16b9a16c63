import CredenceCore
import FluentKit
import Foundation

/// The departments' sign-off of a new edition (issue 34): an administrator submits a
/// draft, each department's reviewer approves or returns it, a change withdraws the
/// approvals, and publishing waits for every required department.
extension Editions {
    public func departments() async throws -> [Department] {
        try await Self.departments(on: database)
    }

    static func departments(on db: any Database) async throws -> [Department] {
        try await DepartmentRecord.query(on: db).sort(\.$position).all().map {
            try JSONDecoder().decode(Department.self, from: Data($0.document.utf8))
        }
    }

    /// An administrator changes a department's part or name; audited, with what the change
    /// does to the drafts awaiting sign-off (`Department.effect`). The notice's leading
    /// departments stay required (`Department.changing`).
    public func updateDepartment(_ id: String, part: DepartmentPart, name: BilingualText?,
                                 by admin: Account) async throws -> (department: Department, effect: BilingualText?) {
        if let name, name.zh.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || name.en.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            || name.zh.schemaLength > 200 || name.en.schemaLength > 200 {
            throw EditionError.invalid([InputError("name", zh: "请填写部门的中英文名称（各200字以内）。", en: "Name needs both Chinese and English (zh and en), each up to 200 characters.")])
        }
        return try await database.transaction { db in
            guard let record = try await DepartmentRecord.find(id, on: db) else { throw EditionError.notFound(id) }
            let before = try JSONDecoder().decode(Department.self, from: Data(record.document.utf8))
            var department = try before.changing(part: part)
            if let name { department.name = name }
            let awaiting = try await EditionRecord.query(on: db).filter(\.$status == EditionStatus.draft.rawValue).filter(\.$signOff != nil)
                .sort(\.$id).all().compactMap(\.id)
            let effect = Department.effect(of: before, department, awaiting: awaiting)
            record.document = String(decoding: try CanonicalJSON.data(department), as: UTF8.self)
            try await record.save(on: db)
            try await AuditLog.append(on: db, at: now(), kind: "department.changed", actor: admin.id, subject: id, email: admin.email,
                                      address: nil, detail: "\(before.part.rawValue) → \(part.rawValue)" + (effect.map { ": " + $0.en } ?? ""))
            return (department, effect)
        }
    }

    /// Submits a draft for sign-off (again: the answers given before are withdrawn).
    public func requestSignOff(_ editionID: String, by admin: Account) async throws -> Edition {
        try await database.transaction { db in
            let record = try await draft(editionID, on: db, changing: false)
            let signOff = SignOff(requestedAt: Timestamps.rfc3339(now()), requestedBy: admin.name.isEmpty ? admin.email : admin.name)
            record.signOff = String(decoding: try CanonicalJSON.data(signOff), as: UTF8.self)
            try await record.save(on: db)
            try await AuditLog.append(on: db, at: now(), kind: "edition.sign_off_requested", actor: admin.id, subject: editionID,
                                      email: admin.email, address: nil, detail: nil)
        }
        return try await edition(editionID)
    }

    /// A reviewer's answer for their department.
    public func answer(_ editionID: String, _ decision: ApprovalDecision, comment: String?, by reviewer: Account) async throws -> Edition {
        guard let department = reviewer.departmentId else { throw SignOffRefusal.noDepartment }
        let comment = comment.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        if decision == .returned && comment == nil || (comment?.schemaLength ?? 0) > 2000 { throw SignOffRefusal.commentRequired }
        try await database.transaction { db in
            try await Self.bump(on: db)  // the catalog's version row: answers and publishing one at a time
            let record = try await draft(editionID, on: db, changing: false)
            guard var signOff = try record.edition().signOff else { throw SignOffRefusal.notSubmitted }
            signOff.approvals.append(Approval(department: department, decision: decision, comment: comment, by: reviewer.name,
                                              at: Timestamps.rfc3339(now())))
            record.signOff = String(decoding: try CanonicalJSON.data(signOff), as: UTF8.self)
            try await record.save(on: db)
            try await AuditLog.append(on: db, at: now(), kind: decision == .approve ? "edition.approved" : "edition.returned",
                                      actor: reviewer.id, subject: editionID, email: reviewer.email, address: nil,
                                      detail: "department=\(department)" + (comment.map { " comment=\($0)" } ?? ""))
        }
        return try await edition(editionID)
    }

    /// A change to a submitted draft withdraws the answers given: they were to another text.
    static func withdrawApprovals(_ record: EditionRecord, at: Date, on db: any Database) async throws {
        guard var signOff = try record.edition().signOff, !signOff.approvals.isEmpty else { return }
        signOff.approvals = []
        record.signOff = String(decoding: try CanonicalJSON.data(signOff), as: UTF8.self)
        try await record.save(on: db)
        try await AuditLog.append(on: db, at: at, kind: "edition.approvals_withdrawn", actor: nil, subject: record.id, email: nil,
                                  address: nil, detail: "the draft changed")
    }

    /// Publishing's gate: every required department approved the draft as it stands. The
    /// departments are kept on the edition as its record.
    static func signedOff(_ record: EditionRecord, on db: any Database) async throws -> SignOff {
        let departments = try await departments(on: db)
        var signOff = try record.edition().signOff ?? SignOff(requestedAt: "", requestedBy: "")
        let pending = signOff.pending(of: departments)
        guard pending.isEmpty else { throw SignOffRefusal.pending(pending) }
        signOff.departments = departments
        return signOff
    }
}
