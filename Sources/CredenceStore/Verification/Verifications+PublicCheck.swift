import CredenceCore
import FluentKit
import Foundation

/// The public check of a result's code (`/verify`): the current result, or one a review
/// superseded — each obeying its holder's switch and period.
extension Verifications {
    /// Looks up an authentic result by its code, for anyone, under a per-address limit
    /// (the keyspace makes guessing hopeless; the limit keeps it costly too).
    public func publicCheck(code: String, address: String) async throws -> PublicCheck? {
        let reservation = try await RateLimits(database: database, now: now).reserve(.codeLookup, for: address)
        if let wait = reservation.retryAfter { throw RateLimited(retryAfter: wait) }
        return try await publicCheck(code: code)
    }

    /// The same lookup without the per-address limit, for the server's own operator (`credence verify`).
    public func publicCheck(code: String) async throws -> PublicCheck? {
        guard let normalized = VerificationCode.parse(code) else { return nil }
        guard let record = try await VerificationRequestRecord.query(on: database).filter(\.$verificationCode == normalized).first(),
              record.outcome == VerificationOutcome.authentic.rawValue, let completedAt = record.completedAt
        else { return try await supersededCheck(code: normalized) }
        var check = PublicCheck(code: normalized, outcome: .authentic, entryId: record.entryID, edition: record.editionID,
                                completedOn: CalendarDate.today(at: completedAt).description,
                                holderNameMasked: Masking.name(record.holderName))
        check.revocation = record.revocation
        check.expiresOn = record.expiresOn
        check.certificateStatus = CertificateStatus.of(expiresOn: record.expiresOn, resultDay: CalendarDate.today(at: completedAt))
        check.active = publicCheckActive(record, resultDay: .today(at: completedAt))
        return check
    }

    /// Whether a code of `record` answers the public: the holder's switch and period hold for
    /// every code the request has had, the current one and those a review superseded.
    func publicCheckActive(_ record: VerificationRequestRecord, resultDay: CalendarDate) -> Bool {
        publicCheckPolicy.isActive(resultDay: resultDay, days: record.publicCheckDays, switchedOff: record.publicCheckOff ?? false,
                                   today: .today(at: now()))
    }

    /// A result a review superseded, found by its code (for the public check).
    func supersededCheck(code: String) async throws -> PublicCheck? {
        guard let old = try await SupersededResultRecord.query(on: reader).filter(\.$verificationCode == code).first(),
              let request = try await VerificationRequestRecord.find(old.requestID, on: reader)
        else { return nil }
        var check = PublicCheck(code: code, outcome: VerificationOutcome(rawValue: old.outcome) ?? .authentic, entryId: request.entryID,
                                edition: request.editionID, completedOn: CalendarDate.today(at: old.completedAt).description,
                                holderNameMasked: Masking.name(request.holderName))
        check.expiresOn = request.expiresOn
        check.certificateStatus = CertificateStatus.of(expiresOn: request.expiresOn, resultDay: .today(at: old.completedAt))
        check.revocation = Revocation(at: old.supersededAt, reason: .superseded, note: nil)
        check.active = publicCheckActive(request, resultDay: .today(at: old.completedAt))
        return check
    }
}
