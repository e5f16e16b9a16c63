import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// 复核 (issue 33; the rules are the workflow's): a changed result keeps the old one
/// in `superseded_results` — its code, credential and revocation-list place — so the old
/// credential reads as revoked (`superseded`) while the request carries the new result.
extension Verifications {
    /// Keeps the result as it was, then clears what a new result replaces.
    func supersede(_ record: VerificationRequestRecord, on db: any Database) async throws {
        guard let outcome = record.outcome, let completedAt = record.completedAt else { return }
        let old = SupersededResultRecord()
        old.requestID = try record.requireID()
        old.outcome = outcome
        old.completedAt = completedAt
        old.verificationCode = record.verificationCode
        old.credential = record.credential
        old.statusList = record.statusList
        old.statusIndex = record.statusIndex
        old.supersededAt = now()
        try await old.create(on: db)
        record.credential = nil
        record.credentialID = UUID()  // the new result's credential is a credential of its own
        record.statusList = nil
        record.statusIndex = nil
    }

    /// Revocation-list places held by superseded results: each is revoked.
    func supersededSlots(list: Int, on db: (any Database)? = nil) async throws -> [Int] {
        try await SupersededResultRecord.query(on: db ?? reader).filter(\.$statusList == list).all().compactMap(\.statusIndex)
    }

    /// The superseded result at a list's place, as a revocation.
    func supersededRevocation(list: Int, index: Int) async throws -> Revocation? {
        try await SupersededResultRecord.query(on: reader).filter(\.$statusList == list).filter(\.$statusIndex == index).first()
            .map { Revocation(at: $0.supersededAt, reason: .superseded, note: nil) }
    }
}

extension Verifications {
    /// A re-check names the employer's own completed request (else a 422 on the field).
    func checkRecheck(of previous: UUID, by employer: Account) async throws {
        guard let record = try? await visible(previous, to: employer), record.status == VerificationStatus.completed.rawValue else {
            throw VerificationError.invalid([InputError("previousRequestId", zh: "重新核验须引用贵单位已出结果的申请。",
                                                        en: "The earlier request must be the id of one of your own completed requests.")])
        }
    }
}
