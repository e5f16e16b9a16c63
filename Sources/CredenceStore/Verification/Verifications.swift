import CredenceCore
import Crypto
import FluentKit
import Foundation
import SQLKit

/// The certificate verification service of annex 2: requests, their workflow, attachments,
/// results and receipts. Every read is scoped to who asks — an employer sees only its own
/// requests, and another's is `notFound` — and every change lands in one transaction with
/// its event, its audit entry and its webhook message.
public struct Verifications: Sendable {
    let database: any Database
    /// For lists and details (see `Store.reader`).
    let reader: any Database
    let keys: KeyRing
    let submissions: GroupCommit<PendingSubmission>
    /// Bytes of attachments one employer may keep in all.
    let attachmentQuota: Int
    let now: @Sendable () -> Date

    init(database: any Database, reader: any Database, keys: KeyRing, submissions: GroupCommit<PendingSubmission>,
         attachmentQuota: Int, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.reader = reader
        self.keys = keys
        self.submissions = submissions
        self.attachmentQuota = attachmentQuota
        self.now = now
    }

    // MARK: Issuing bodies

    public func issuingBodies() async throws -> [IssuingBody] {
        try await IssuingBodyRecord.query(on: database).sort(\.$id).all().map {
            try JSONDecoder().decode(IssuingBody.self, from: Data($0.document.utf8))
        }
    }

    /// An administrator corrects how a body's certificates can be checked; audited.
    public func updateChannel(of id: String, to channel: VerificationChannel, by admin: Account) async throws -> IssuingBody {
        var problems: [InputError] = []
        if let url = channel.url, URL(string: url).flatMap({ $0.scheme?.lowercased() }).map({ $0 == "https" || $0 == "http" }) != true {
            problems.append(InputError("channel.url", zh: "网址须以 http(s):// 开头，或留空。", en: "channel.url must be an http(s) address or null."))
        }
        if !(1...365).contains(channel.typicalWorkingDays) {
            problems.append(InputError("channel.typicalWorkingDays", zh: "工作日须在1到365之间。", en: "channel.typicalWorkingDays must be from 1 to 365."))
        }
        if channel.source.trimmingCharacters(in: .whitespaces).isEmpty || channel.source.count > 1000 {
            problems.append(InputError("channel.source", zh: "请说明信息来源。", en: "channel.source must say where these facts come from (up to 1,000 characters)."))
        }
        if channel.inputs.count > 10 || channel.inputs.contains(where: { $0.isEmpty || $0.count > 50 }) {
            problems.append(InputError("channel.inputs", zh: "所需信息最多10项。", en: "channel.inputs must be up to 10 names of request fields."))
        }
        guard problems.isEmpty else { throw VerificationError.invalid(problems) }
        guard let record = try await IssuingBodyRecord.find(id, on: database) else { throw VerificationError.notFound }
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

    /// Recent changes to an employer's requests, newest first: the dashboard's notifications.
    public func recentChanges(for employer: Account, limit: Int = 10) async throws -> [(request: UUID, event: VerificationRequest.Event)] {
        // A join, not the employer's request ids in an IN list: an employer with tens of
        // thousands of requests would outgrow a statement's bound values (32,766 on SQLite).
        try await events { select in
            select.join(RequestRow.table, on: RequestRow.column("id"), .equal, SQLColumn("request_id", table: VerificationEventRecord.schema))
                .where(RequestRow.column("employer_id"), .equal, SQLBind(employer.id))
                .orderBy(SQLColumn("at", table: VerificationEventRecord.schema), SQLDirection.descending)
                .limit(limit)
        }
    }

    /// The body that issues an entry's certificates, or a stand-in with the written-request default.
    public static func body(for entryId: String, in bodies: [IssuingBody]) -> IssuingBody {
        bodies.first { $0.entries.contains(entryId) }
            ?? IssuingBody(id: "unknown", name: BilingualText(zh: "未登记的发证机构", en: "Unregistered issuing body"),
                           entries: [entryId], channel: .writtenRequestDefault)
    }

    // MARK: Submitting

    /// Stores a new request; it is acknowledged only after the transaction holding it has
    /// committed — a transaction it may share with other submissions (`GroupCommit`).
    /// `bodies` is the registry of issuing bodies when the caller holds it; else it is read.
    public func submit(_ draft: VerificationDraft, by employer: Account, catalog: Catalog, bodies: [IssuingBody]? = nil) async throws
        -> VerificationRequest
    {
        guard employer.role == .employer else { throw VerificationError.notFound }
        let edition = try catalog.resolveEdition(nil)
        let clean: VerificationDraft
        do {
            clean = try draft.validated(entries: Set((catalog.entries(of: edition.id) ?? []).map(\.id)), today: .today(at: now()))
        } catch {
            throw VerificationError.invalid(error.problems)
        }
        let registry = if let bodies { bodies } else { try await issuingBodies() }
        let body = Self.body(for: clean.entryId, in: registry)
        let submission = PendingSubmission(
            id: UUID(), employer: employer, draft: clean, passportSealed: try clean.passportNumber.map(keys.sealer.seal),
            editionID: edition.id, issuingBodyID: body.id, createdAt: now())
        try await submissions.commit(submission)
        // Answered from what was committed, not read back: three reads per submission were a
        // third of the writer's work.
        return submission.stored
    }

    private func apply(_ draft: VerificationDraft, to record: VerificationRequestRecord) throws {
        record.holderName = draft.holderName
        record.holderNationality = draft.holderNationality
        record.holderDateOfBirth = draft.holderDateOfBirth
        record.passportSealed = try draft.passportNumber.map(keys.sealer.seal)
        record.passportMasked = draft.passportNumber.map(Masking.document)
        record.certificateNumber = draft.certificateNumber
        record.issuedOn = draft.issuedOn
        record.expiresOn = draft.expiresOn
        record.note = draft.note
    }

    // MARK: Reading

    /// An employer's own requests, or all for staff; newest first, a page at a time.
    public func list(for account: Account, status: VerificationStatus? = nil, page: RequestPaging = .first) async throws -> RequestList {
        var filter = RequestFilter.visible(to: account)
        filter.statuses = status.map { [$0.rawValue] }
        let (rows, more) = try await requestRows(filter, oldestFirst: false, page: page)
        return RequestList(requests: rows.map(\.request), more: more)
    }

    /// The officer's queue: open requests, oldest first, a page at a time.
    public func queue(status: VerificationStatus? = nil, page: RequestPaging = .first) async throws -> RequestList {
        let open = status.map { [$0.rawValue] } ?? [VerificationStatus.submitted, .needsInfo, .accepted].map(\.rawValue)
        let (rows, more) = try await requestRows(RequestFilter(statuses: open), oldestFirst: true, page: page)
        return RequestList(requests: rows.map(\.request), more: more)
    }

    public func request(_ id: UUID, for account: Account) async throws -> VerificationRequest {
        var filter = RequestFilter.visible(to: account)
        filter.id = id
        return try await detail(filter, for: account)
    }

    private func visible(_ id: UUID, to account: Account, on db: (any Database)? = nil) async throws -> VerificationRequestRecord {
        guard let record = try await VerificationRequestRecord.find(id, on: db ?? database),
              account.role != .employer || record.employerID == account.id
        else { throw VerificationError.notFound }
        return record
    }

    // MARK: Acting

    public struct ActionInput: Sendable {
        public var note: String?
        public var reason: RejectionReason?
        public var outcome: VerificationOutcome?
        /// For `resubmit`: the corrected draft.
        public var corrections: VerificationDraft?

        public init(note: String? = nil, reason: RejectionReason? = nil, outcome: VerificationOutcome? = nil,
                    corrections: VerificationDraft? = nil) {
            self.note = note
            self.reason = reason
            self.outcome = outcome
            self.corrections = corrections
        }
    }

    /// Takes an action on a request: the workflow decides whether it may, the role decides
    /// who may (employers act on their own requests, staff on the queue's).
    public func act(_ action: VerificationAction, on id: UUID, by account: Account, _ input: ActionInput = .init(),
                    catalog: Catalog) async throws -> VerificationRequest {
        if action.byEmployer != (account.role == .employer) {
            // An officer cannot withdraw; an employer cannot accept — a refusal of the role,
            // answered like an absent request for employers and as a conflict for staff.
            let record = try await visible(id, to: account)
            throw VerificationError.illegal(IllegalTransition(from: VerificationStatus(rawValue: record.status) ?? .submitted, action: action))
        }
        if let note = input.note, note.count > 2000 {
            throw VerificationError.invalid([InputError("note", zh: "说明最多2000字。", en: "note may have at most 2,000 characters.")])
        }
        if action == .reject, input.reason == nil {
            throw VerificationError.invalid([InputError("reason", zh: "请选择不予受理的理由。", en: "reason must be one of incomplete, false_material, not_in_catalog.")])
        }
        if action == .complete, input.outcome == nil {
            throw VerificationError.invalid([InputError("outcome", zh: "请选择核验结果。", en: "outcome must be one of authentic, not_authentic, unable_to_verify.")])
        }
        var corrected: VerificationDraft?
        if action == .resubmit, let corrections = input.corrections {
            do {
                let edition = try catalog.resolveEdition(nil)
                corrected = try corrections.validated(entries: Set((catalog.entries(of: edition.id) ?? []).map(\.id)),
                                                      today: .today(at: now()))
            } catch let error as InvalidInput {
                throw VerificationError.invalid(error.problems)
            }
        }
        let corrections = corrected
        // Read before the transaction: inside it, only `db` may be used (SQLite has one writer connection).
        let bodies = try await issuingBodies()
        let id = try await database.transaction { db -> UUID in
            let record = try await visible(id, to: account, on: db)
            guard let status = VerificationStatus(rawValue: record.status) else { throw VerificationError.notFound }
            let next: VerificationStatus
            do {
                next = try VerificationWorkflow.next(from: status, by: action)
            } catch let error as IllegalTransition {
                throw VerificationError.illegal(error)
            }
            record.status = next.rawValue
            record.updatedAt = now()
            switch action {
            case .accept:
                let body = Self.body(for: record.entryID, in: bodies)
                record.estimatedCompletionOn = WorkingDays.adding(body.channel.typicalWorkingDays, to: .today(at: now())).description
            case .reject:
                record.rejectionReason = input.reason?.rawValue
            case .resubmit:
                if let corrections {
                    record.entryID = corrections.entryId
                    record.issuingBodyID = Self.body(for: corrections.entryId, in: bodies).id
                    try apply(corrections, to: record)
                }
            case .complete:
                try complete(record, outcome: input.outcome ?? .unableToVerify, catalog: catalog)
            default:
                break
            }
            try await record.save(on: db)
            try await log(action, from: status, to: next, request: record, by: account, note: input.note, on: db)
            return try record.requireID()
        }
        return try await request(id, for: account)
    }

    /// Sets the result, the code (authentic only) and the signed receipt.
    private func complete(_ record: VerificationRequestRecord, outcome: VerificationOutcome, catalog: Catalog) throws {
        let completedAt = now()
        record.outcome = outcome.rawValue
        record.completedAt = completedAt
        record.verificationCode = outcome == .authentic ? Self.newCode() : nil
        let entryName = (try? catalog.entry(record.entryID, edition: record.editionID).name)
            ?? BilingualText(zh: record.entryID, en: record.entryID)
        let receipt = Receipt(
            requestId: try record.requireID().uuidString.lowercased(), entryId: record.entryID, entryName: entryName,
            edition: record.editionID, holderName: Masking.name(record.holderName), certificateNumber: record.certificateNumber,
            outcome: outcome, completedAt: Timestamps.rfc3339(completedAt), verificationCode: record.verificationCode)
        record.receipt = String(decoding: try CanonicalJSON.data(receipt), as: UTF8.self)
        record.receiptSignature = try keys.signer.sign(receipt)
        record.receiptKeyID = keys.signer.keyId
    }

    /// Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L): 50 bits.
    static func newCode() -> String {
        let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return "TJ-" + String(characters[0..<5]) + "-" + String(characters[5...])
    }

    private func log(_ action: VerificationAction, from: VerificationStatus?, to: VerificationStatus,
                     request: VerificationRequestRecord, by account: Account, note: String?, on db: any Database) async throws {
        try await Transition.record([Transition(
            action: action, from: from, to: to, requestID: try request.requireID(), employerID: request.employerID, actor: account,
            note: note, at: now(), outcome: request.outcome, estimatedCompletionOn: request.estimatedCompletionOn)], on: db)
    }

    // MARK: Attachments

    public func attach(fileName: String, bytes: [UInt8], to id: UUID, by account: Account) async throws
        -> VerificationRequest.Attachment
    {
        guard account.role == .employer else { throw VerificationError.notFound }
        if bytes.isEmpty { throw VerificationError.attachmentEmpty }
        if bytes.count > AttachmentKind.maxBytes { throw VerificationError.attachmentTooLarge }
        guard let kind = AttachmentKind(sniffing: bytes) else { throw VerificationError.attachmentType }
        let record = AttachmentRecord()
        record.id = UUID()
        record.fileName = Self.safeFileName(fileName, kind: kind)
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

    /// A name safe to put in a header: letters, digits, dot, dash, underscore; the extension
    /// follows the content, not what the name claimed.
    static func safeFileName(_ name: String, kind: AttachmentKind) -> String {
        let base = (name as NSString).deletingPathExtension
        let cleaned = String(base.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || "-_".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
        }.prefix(80))
        return (cleaned.isEmpty ? "attachment" : cleaned) + "." + (kind == .jpeg ? "jpg" : kind.rawValue)
    }

    // MARK: Results

    public func receipt(of id: UUID, for account: Account) async throws -> SignedReceipt {
        let record = try await visible(id, to: account)
        guard let text = record.receipt, let signature = record.receiptSignature, let keyId = record.receiptKeyID,
              let receipt = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        else { throw VerificationError.illegal(IllegalTransition(from: VerificationStatus(rawValue: record.status) ?? .submitted, action: .complete)) }
        return SignedReceipt(receipt: receipt, signature: signature, keyId: keyId)
    }

    /// Looks up an authentic result by its code, for anyone, under a per-address limit
    /// (the keyspace makes guessing hopeless; the limit keeps it costly too).
    public func publicCheck(code: String, address: String) async throws -> PublicCheck? {
        let reservation = try await RateLimits(database: database, now: now).reserve(.codeLookup, for: address)
        if let wait = reservation.retryAfter { throw RateLimited(retryAfter: wait) }
        let normalized = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard normalized.count <= 20,
              let record = try await VerificationRequestRecord.query(on: database).filter(\.$verificationCode == normalized).first(),
              record.outcome == VerificationOutcome.authentic.rawValue, let completedAt = record.completedAt
        else { return nil }
        return PublicCheck(code: normalized, outcome: .authentic, entryId: record.entryID, edition: record.editionID,
                           completedOn: CalendarDate.today(at: completedAt).description,
                           holderNameMasked: Masking.name(record.holderName))
    }

    // MARK: Views

    /// One request for its own page: with history, and the passport number opened for
    /// those who handle personal data (never administrators).
    private func detail(_ filter: RequestFilter, for account: Account) async throws -> VerificationRequest {
        guard let row = try await requestRows(filter, oldestFirst: true, page: RequestPaging(limit: 1)).rows.first else {
            throw VerificationError.notFound
        }
        var request = row.request
        if account.role.handlesPersonalData {
            request.passportNumber = try row.passportSealed.map(keys.sealer.open)
        }
        request.history = try await events { select in
            select.where(SQLColumn("request_id", table: VerificationEventRecord.schema), .equal, SQLBind(request.id))
                .orderBy(SQLColumn("at", table: VerificationEventRecord.schema))
        }.map(\.event)
        return request
    }
}

/// Times as the API and receipts write them: RFC 3339, UTC, whole seconds.
public enum Timestamps {
    /// `2026-11-29T09:47:04Z`. The format style is a value, made once; an
    /// `ISO8601DateFormatter` made per call (as this once was) built an ICU formatter every
    /// time and took a third of the time of listing requests.
    private static let style = Date.ISO8601FormatStyle()

    public static func rfc3339(_ date: Date) -> String {
        style.format(date)
    }
}

extension Store {
    public var verifications: Verifications {
        Verifications(database: database, reader: reader, keys: keys, submissions: submissions, attachmentQuota: limits.attachmentQuotaBytes)
    }
}
