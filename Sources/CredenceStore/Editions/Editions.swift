import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Dynamic management of the catalog (notice, section 四): drafts made from the edition in
/// force, entries added, changed and retired with a reason, publishing — now, or on a
/// future effective date — and the catalog version every app instance watches.
public struct Editions: Sendable {
    let database: any Database
    let now: @Sendable () -> Date
    let reviewInterval: ReviewInterval

    public init(database: any Database, now: @escaping @Sendable () -> Date = { Date() }, reviewInterval: ReviewInterval = ReviewInterval()) {
        self.database = database
        self.now = now
        self.reviewInterval = reviewInterval
    }

    /// Bumped by every change; an instance whose catalog is older reloads it.
    public func version() async throws -> Int64 {
        try await CatalogMetaRecord.find(1, on: database)?.version ?? 0
    }

    static func bump(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("UPDATE catalog_meta SET version = version + 1 WHERE id = 1").run()
    }

    // MARK: Drafts

    public func createDraft(id: String, jurisdiction: String, title: BilingualText, basedOn: String?, by admin: Account?) async throws
        -> Edition
    {
        var problems: [InputError] = []
        let slug = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if id.isEmpty || id.count > 60 || !slug || id.hasPrefix("-") || id.hasSuffix("-") { problems.append(InputError("id", zh: "版本编号须为小写字母、数字和连字符。", en: "The id must be a slug such as tianjin-2024.")) }
        if jurisdiction.isEmpty || jurisdiction.count > 60 { problems.append(InputError("jurisdiction", zh: "请填写地区。", en: "Jurisdiction is required, such as tianjin.")) }
        if title.zh.isEmpty || title.en.isEmpty { problems.append(InputError("title", zh: "请填写中英文标题。", en: "Title needs both Chinese and English (zh and en).")) }
        guard problems.isEmpty else { throw EditionError.invalid(problems) }
        try await database.transaction { db in
            if try await EditionRecord.find(id, on: db) != nil { throw EditionError.conflict(BilingualText(zh: "已有目录版本“\(id)”。", en: "There is already an edition '\(id)'.")) }
            var base: [EntryRecord] = []
            if let basedOn {
                guard try await EditionRecord.find(basedOn, on: db) != nil else { throw EditionError.notFound(basedOn) }
                base = try await EntryRecord.query(on: db).filter(\.$editionID == basedOn).all()
            }
            try await EditionRecord(Edition(id: id, jurisdiction: jurisdiction, title: title, issuedOn: nil, effectiveOn: nil,
                                            status: .draft, supersedes: basedOn)).create(on: db)
            for record in base {
                var entry = try record.entry()
                entry.edition = id
                try await EntryRecord(entry).create(on: db)
            }
            try await Self.bump(on: db)
            try await AuditLog.append(on: db, at: now(), kind: "edition.draft_created", actor: admin?.id, subject: id,
                                      email: admin?.email ?? "command line",
                                      address: nil, detail: basedOn.map { "based on \($0)" })
        }
        return try await edition(id)
    }

    public func edition(_ id: String) async throws -> Edition {
        guard let record = try await EditionRecord.find(id, on: database) else { throw EditionError.notFound(id) }
        return try record.edition()
    }

    /// The draft; `changing` it withdraws the departments' answers given to it.
    func draft(_ id: String, on db: any Database, changing: Bool = true) async throws -> EditionRecord {
        guard let record = try await EditionRecord.find(id, on: db) else { throw EditionError.notFound(id) }
        guard record.status == EditionStatus.draft.rawValue else {
            throw EditionError.published(BilingualText(
                zh: "目录版本“\(id)”已发布，已发布的版本不再修改。请以它为基础新建草稿。",
                en: "Edition '\(id)' is published; published editions never change. Start a new draft from it."))
        }
        if changing { try await Self.withdrawApprovals(record, at: now(), on: db) }
        return record
    }

    /// Adds an entry to a draft; `seq` 0 means "after the last".
    public func addEntry(_ entry: Entry, to editionID: String, by admin: Account) async throws -> Entry {
        let given = entry
        return try await database.transaction { db in
            var entry = given
            entry.edition = editionID
            _ = try await draft(editionID, on: db)
            let existing = try await EntryRecord.query(on: db).filter(\.$editionID == editionID).all()
            if entry.seq == 0 { entry.seq = (existing.map(\.seq).max() ?? 0) + 1 }
            let problems = entry.problems()
            guard problems.isEmpty else { throw EditionError.invalid(problems) }
            if existing.contains(where: { $0.entryID == entry.id }) { throw EditionError.conflict(BilingualText(zh: "目录版本“\(editionID)”中已有“\(entry.id)”。", en: "Edition '\(editionID)' already has an entry '\(entry.id)'.")) }
            if existing.contains(where: { $0.seq == entry.seq }) { throw EditionError.conflict(BilingualText(zh: "目录版本“\(editionID)”中已有序号\(entry.seq)。", en: "Edition '\(editionID)' already has an entry numbered \(entry.seq).")) }
            try await EntryRecord(entry).create(on: db)
            try await RetirementRecord.query(on: db).filter(\.$editionID == editionID).filter(\.$entryID == entry.id).delete()
            try await Self.bump(on: db)
            try await AuditLog.append(on: db, at: now(), kind: "edition.entry_added", actor: admin.id, subject: "\(editionID)/\(entry.id)",
                                      email: admin.email, address: nil, detail: nil)
            return entry
        }
    }

    public func changeEntry(_ entry: Entry, in editionID: String, by admin: Account) async throws -> Entry {
        let given = entry
        return try await database.transaction { db in
            var entry = given
            entry.edition = editionID
            _ = try await draft(editionID, on: db)
            guard let record = try await EntryRecord.query(on: db).filter(\.$editionID == editionID).filter(\.$entryID == entry.id).first()
            else { throw EditionError.notFound("\(editionID)/\(entry.id)") }
            if entry.seq == 0 { entry.seq = record.seq }
            let problems = entry.problems()
            guard problems.isEmpty else { throw EditionError.invalid(problems) }
            if try await EntryRecord.query(on: db).filter(\.$editionID == editionID).filter(\.$seq == entry.seq)
                .filter(\.$entryID != entry.id).count() > 0 {
                throw EditionError.conflict(BilingualText(zh: "目录版本“\(editionID)”中已有序号\(entry.seq)。", en: "Edition '\(editionID)' already has an entry numbered \(entry.seq)."))
            }
            let before = try record.entry()
            try await record.delete(on: db)
            try await EntryRecord(entry).create(on: db)
            try await Self.bump(on: db)
            let fields = EditionDiff(from: editionID, to: editionID, old: [before], new: [entry], retirements: []).changed.first?.changes
                .map(\.field).joined(separator: ", ")
            try await AuditLog.append(on: db, at: now(), kind: "edition.entry_changed", actor: admin.id, subject: "\(editionID)/\(entry.id)",
                                      email: admin.email, address: nil, detail: fields)
            return entry
        }
    }

    public func retire(_ entryID: String, from editionID: String, reason: RetirementReason, note: String?, by admin: Account) async throws {
        if let note, note.schemaLength > 2000 {
            throw EditionError.invalid([InputError("note", zh: "说明最多2000字。", en: "Note may have at most 2,000 characters.")])
        }
        try await database.transaction { db in
            _ = try await draft(editionID, on: db)
            guard let record = try await EntryRecord.query(on: db).filter(\.$editionID == editionID).filter(\.$entryID == entryID).first()
            else { throw EditionError.notFound("\(editionID)/\(entryID)") }
            let retirement = RetirementRecord()
            retirement.editionID = editionID
            retirement.entryID = entryID
            retirement.reason = reason.rawValue
            retirement.note = note
            retirement.entry = String(decoding: try CanonicalJSON.data(try record.entry()), as: UTF8.self)
            try await record.delete(on: db)
            try await retirement.create(on: db)
            try await Self.bump(on: db)
            try await AuditLog.append(on: db, at: now(), kind: "edition.entry_retired", actor: admin.id, subject: "\(editionID)/\(entryID)",
                                      email: admin.email, address: nil, detail: reason.rawValue)
        }
    }

    public func retirements(in editionID: String) async throws -> [Retirement] {
        try await RetirementRecord.query(on: database).filter(\.$editionID == editionID).all().compactMap { record in
            guard let reason = RetirementReason(rawValue: record.reason),
                  let entry = try? JSONDecoder().decode(Entry.self, from: Data(record.entry.utf8)) else { return nil }
            return Retirement(entry: entry, reason: reason, note: record.note)
        }
    }

    /// A new draft from a file's entries (validated before; nothing is stored if anything fails).
    public func importDraft(id: String, jurisdiction: String, title: BilingualText, entries: [Entry], by admin: Account?) async throws
        -> Edition
    {
        _ = try await createDraft(id: id, jurisdiction: jurisdiction, title: title, basedOn: nil, by: admin)
        do {
            try await database.transaction { db in
                for var entry in entries {
                    entry.edition = id
                    try await EntryRecord(entry).create(on: db)
                }
                try await Self.bump(on: db)
                try await AuditLog.append(on: db, at: now(), kind: "edition.imported", actor: admin?.id, subject: id,
                                          email: admin?.email ?? "command line",
                                          address: nil, detail: "\(entries.count) entries")
            }
        } catch {
            try? await EditionRecord.query(on: database).filter(\.$id == id).delete()
            throw error
        }
        return try await edition(id)
    }

    // MARK: Publishing

    /// Publishes a draft: in force now (the one before superseded, in the same transaction),
    /// or scheduled when `effectiveOn` is later than today. Of two racing publishes of one
    /// draft, one wins and the other is told it is already published.
    public func publish(_ editionID: String, noticeRef: String, issuedOn: CalendarDate, effectiveOn: CalendarDate, by admin: Account) async throws
        -> Edition
    {
        var problems: [InputError] = []
        if noticeRef.trimmingCharacters(in: .whitespaces).isEmpty || noticeRef.count > 200 {
            problems.append(InputError("noticeRef", zh: "请填写通知文号。", en: "Notice reference is required: the notice's document number."))
        }
        if effectiveOn < issuedOn {
            problems.append(InputError("effectiveOn", zh: "生效日期不能早于发布日期。", en: "In force from must not be before issuedOn."))
        }
        guard problems.isEmpty else { throw EditionError.invalid(problems) }
        let today = CalendarDate.today(at: now())
        try await database.transaction { db in
            // Taking the catalog's version row first serializes publishing.
            try await Self.bump(on: db)
            let record = try await draft(editionID, on: db, changing: false)
            if try await EntryRecord.query(on: db).filter(\.$editionID == editionID).count() == 0 {
                throw EditionError.invalid([InputError("id", zh: "空版本不能发布。", en: "An edition with no entries cannot be published.")])
            }
            record.signOff = String(decoding: try CanonicalJSON.data(try await Self.signedOff(record, on: db)), as: UTF8.self)
            record.noticeRef = noticeRef
            record.issuedOn = issuedOn.description
            record.effectiveOn = effectiveOn.description
            record.reviewDueOn = reviewInterval.due(effectiveOn: effectiveOn).description
            if effectiveOn <= today {
                try await Self.putInForce(record, at: now(), on: db)
            } else {
                record.status = EditionStatus.scheduled.rawValue
            }
            try await record.save(on: db)
            try await AuditLog.append(on: db, at: now(), kind: "edition.published", actor: admin.id, subject: editionID, email: admin.email,
                                      address: nil, detail: "\(record.status) from \(effectiveOn)")
        }
        return try await edition(editionID)
    }

    /// Supersedes the jurisdiction's edition in force and marks `record` in force (saved by the caller).
    private static func putInForce(_ record: EditionRecord, at: Date, on db: any Database) async throws {
        let previous = try await EditionRecord.query(on: db).filter(\.$jurisdiction == record.jurisdiction)
            .filter(\.$status == EditionStatus.inForce.rawValue).all()
        for old in previous {
            old.status = EditionStatus.superseded.rawValue
            try await old.save(on: db)
        }
        record.supersedes = previous.first?.id ?? record.supersedes
        record.status = EditionStatus.inForce.rawValue
        if let old = previous.first?.id, let new = record.id {
            try await CatalogAlerts.enqueue(from: old, to: new, at: at, on: db)
        }
    }

    /// Puts scheduled editions whose day has come in force. Safe on every instance at once.
    @discardableResult
    public func promoteDue() async throws -> Bool {
        let today = CalendarDate.today(at: now()).description
        let due = try await EditionRecord.query(on: database).filter(\.$status == EditionStatus.scheduled.rawValue)
            .filter(\.$effectiveOn <= today).all()
        guard !due.isEmpty else { return false }
        try await database.transaction { db in
            try await Self.bump(on: db)
            for id in due.compactMap(\.id) {
                guard let record = try await EditionRecord.find(id, on: db), record.status == EditionStatus.scheduled.rawValue else { continue }
                try await Self.putInForce(record, at: now(), on: db)
                try await record.save(on: db)
                try await AuditLog.append(on: db, at: now(), kind: "edition.in_force", actor: nil, subject: id, email: nil, address: nil,
                                          detail: "effective \(record.effectiveOn ?? "")")
            }
        }
        return true
    }
}

extension Store {
    public var editions: Editions { Editions(database: database, now: clock, reviewInterval: limits.reviewInterval) }
}

extension Editions {

    /// The entry across every published edition (and drafts when asked), oldest first.
    public func history(of entryID: String, includingDrafts: Bool) async throws -> [EntryHistoryLine] {
        let editions = try await EditionRecord.query(on: database).all().map { try $0.edition() }
            .filter { includingDrafts || $0.status != .draft }
            .sorted { ($0.issuedOn?.description ?? "9999", $0.id) < ($1.issuedOn?.description ?? "9999", $1.id) }
        let entries = try await EntryRecord.query(on: database).filter(\.$entryID == entryID).all().map { try $0.entry() }
        let retirements = try await RetirementRecord.query(on: database).filter(\.$entryID == entryID).all()
        var lines: [EntryHistoryLine] = []
        for edition in editions {
            let entry = entries.first { $0.edition == edition.id }
            let retired = retirements.first { $0.editionID == edition.id }.flatMap { record -> Retirement? in
                guard let reason = RetirementReason(rawValue: record.reason),
                      let old = try? JSONDecoder().decode(Entry.self, from: Data(record.entry.utf8)) else { return nil }
                return Retirement(entry: old, reason: reason, note: record.note)
            }
            if entry != nil || retired != nil { lines.append(EntryHistoryLine(edition: edition, entry: entry, retirement: retired)) }
        }
        guard !lines.isEmpty else { throw EditionError.notFound(entryID) }
        return lines
    }
}
