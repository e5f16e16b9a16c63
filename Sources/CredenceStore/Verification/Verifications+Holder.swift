import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// The holder's own steps, through the link mailed to them (issue 31). A link opens the
/// page while it is valid; each step can be taken once with it; a wrong, expired or used
/// link is one answer (`holderLinkInvalid`), and an address trying links is limited
/// (`RateLimit.holderLink`). Every step is an event on the request and an audit entry.
extension Verifications {
    public func holderView(token: String, address: String) async throws -> HolderView {
        let link = try await holderLink(token, address: address)
        var request = try await detail(RequestFilter(id: link.requestID), for: Self.holderAccount(link.requestID, email: nil))
        request.passportNumber = nil
        let code = try await reader.sql.select().column("unified_social_credit_code").from(UserRecord.schema)
            .where("id", .equal, SQLBind(request.employerId)).first()?.decode(column: "unified_social_credit_code", as: String?.self)
        return HolderView(request: request, creditCode: code, linkExpiresAt: link.expiresAt,
                          used: Set(link.used.split(separator: " ").compactMap { HolderAction(rawValue: String($0)) }))
    }

    /// Both consents, each its own record with the words' version; or `bothConsentsNeeded`.
    public func holderConsent(token: String, processing: Bool, transferAbroad: Bool, text: HolderConsentText, language: Language,
                              address: String) async throws {
        var input = VerificationActionInput()
        input.holderConsents = Set(HolderConsentKind.allCases.filter { $0 == .processing ? processing : transferAbroad })
        let detail = "processing=\(text.version(of: .processing).prefix(12)) transfer_abroad=\(text.version(of: .transferAbroad).prefix(12)) lang=\(language.rawValue)"
        try await holderStep(token, .consented, action: .holderConsent, input, address: address, detail: detail) { record, db in
            for kind in HolderConsentKind.allCases {
                let row = HolderConsentRow()
                row.requestID = try record.requireID()
                row.kind = kind.rawValue
                row.at = now()
                row.address = address
                row.textVersion = text.version(of: kind)
                row.language = language.rawValue
                try await row.create(on: db)
            }
        }
    }

    public func holderDecline(token: String, address: String) async throws {
        try await holderStep(token, .declined, action: .holderDecline, address: address)
    }

    /// Before a result: the request ends `withdrawn`.
    public func holderWithdraw(token: String, address: String) async throws {
        try await holderStep(token, .withdrew, action: .holderWithdraw, address: address)
    }

    /// After a result: the retention's erasure, now, at the holder's request.
    public func holderErasure(token: String, address: String) async throws {
        try await holderStep(token, .erasure, action: .holderErasure, address: address) { record, db in
            guard try await eraseOne(try record.requireID(), afterDays: 0, detail: "at the holder's request", on: db) else {
                throw VerificationError.holder(.alreadyErased)
            }
        }
        if database.sql.dialect.name == "sqlite" { try await database.sql.raw("VACUUM").run() }
    }

    /// On or off, and for how many days from the result (nil: the policy's). Not single-use: a setting.
    public func holderPublicCheck(token: String, active: Bool, days: Int?, address: String) async throws {
        var input = VerificationActionInput()
        input.publicCheckActive = active
        input.publicCheckDays = days
        try await holderStep(token, nil, action: .holderPublicCheck, input, address: address,
                             detail: "active=\(active) days=\(days.map(String.init) ?? "default")")
    }

    /// The result's credential, for the holder's own copy.
    public func holderCredential(token: String, address: String, issuer: CredentialIssuer, catalog: Catalog) async throws -> String {
        let link = try await holderLink(token, address: address)
        return try await credential(of: link.requestID, for: Self.holderAccount(link.requestID, email: nil), issuer: issuer, catalog: catalog)
    }

    /// The employer sends the holder a new link (3 an hour per request).
    public func resendHolderInvitation(_ id: UUID, by employer: Account) async throws {
        let record = try await visible(id, to: employer)
        guard let sealed = record.holderEmailSealed, record.personalDataErasedAt == nil else {
            throw VerificationError.holder(.noHolderAddress)
        }
        do {
            try HolderRefusal.checkInvitation(status: VerificationStatus(rawValue: record.status) ?? .submitted,
                                              withdrawal: record.withdrawalReason.flatMap(WithdrawalReason.init))
        } catch {
            throw VerificationError.holder(error)
        }
        let reservation = try await RateLimits(database: database, now: now).reserve(.holderInvitation, for: id.uuidString)
        if let wait = reservation.retryAfter { throw RateLimited(retryAfter: wait, limited: RateLimit.holderInvitationLimited) }
        let invitation = try HolderInvitation.make(requestID: id, employerID: employer.id, email: try keys.sealer.open(sealed), at: now(),
                                                   sealer: keys.sealer)
        try await database.transaction { db in
            try await HolderInvitation.store([invitation], on: db)
            try await AuditLog.append(on: db, at: now(), kind: "holder.invited", actor: employer.id, subject: id.uuidString.lowercased(),
                                      email: employer.email, address: nil, detail: nil)
        }
    }

    func holderConsents(of id: UUID) async throws -> [HolderConsentRecord] {
        try await HolderConsentRow.query(on: reader).filter(\.$requestID == id).sort(\.$kind).all().compactMap { row in
            HolderConsentKind(rawValue: row.kind).map {
                HolderConsentRecord(kind: $0, at: row.at, address: row.address, textVersion: row.textVersion, language: row.language)
            }
        }
    }

    // MARK: The link

    /// The valid link for `token`, counted against the address's limit.
    private func holderLink(_ token: String, address: String) async throws -> HolderLinkRecord {
        let reservation = try await RateLimits(database: database, now: now).reserve(.holderLink, for: address)
        if let wait = reservation.retryAfter { throw RateLimited(retryAfter: wait) }
        guard token.count <= 100, let link = try await HolderLinkRecord.find(SecretToken.digest(token), on: database), link.expiresAt > now()
        else { throw VerificationError.holderLinkInvalid }
        return link
    }

    /// One step: the link checked and marked used for `once` (a single-use step), the
    /// workflow asked, what it brings along done by `effect`, the decision saved and recorded
    /// with `detail` as its note.
    private func holderStep(_ token: String, _ once: HolderAction?, action: VerificationAction, _ input: VerificationActionInput = .init(),
                            address: String, detail: String? = nil,
                            effect: (@Sendable (VerificationRequestRecord, any Database) async throws -> Void)? = nil) async throws {
        let link = try await holderLink(token, address: address)
        let context = WorkflowContext(now: now(), calendar: HolidayCalendar(years: []), entries: [], registry: IssuingBodyRegistry([]),
                                      review: review)
        try await database.transaction { db in
            guard let link = try await HolderLinkRecord.find(link.id, on: db), let record = try await VerificationRequestRecord.find(link.requestID, on: db)
            else { throw VerificationError.holderLinkInvalid }
            var used = link.used.split(separator: " ").map(String.init)
            if let once {
                guard !used.contains(once.rawValue) else { throw VerificationError.holderLinkInvalid }
                used.append(once.rawValue)
            }
            let holder = Self.holderAccount(try record.requireID(), email: record.holderEmailMasked)
            var decision = try VerificationWorkflow.decide(action, on: try await workflowRequest(record, for: action, on: db),
                                                           by: WorkflowActor(holder), input, in: context)
            decision.note = detail
            try await effect?(record, db)
            try await save(decision, to: record, calendar: context.calendar, catalog: nil, on: db)
            link.used = used.joined(separator: " ")
            try await link.save(on: db)
            try await Transition.record([try Transition(decision, request: record, by: holder)], on: db, address: address)
        }
    }

    /// The holder as the events and audit entries name them: no account, their request's id.
    static func holderAccount(_ request: UUID, email: String?) -> Account {
        Account(id: request, email: email ?? "holder", role: .holder, name: "holder", createdAt: Date(timeIntervalSince1970: 0))
    }
}
