import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// 复核 (issue 33): an employer asks once, within the review period, why a result should be
/// reviewed; an officer other than the result's decides. A changed result keeps the old one
/// in `superseded_results` — its code, credential and revocation-list place — so the old
/// credential reads as revoked (`superseded`) while the request carries the new result.
extension Verifications {
    /// The employer's request for a review, on the transaction's `db`.
    func askReview(_ record: VerificationRequestRecord, _ input: ActionInput, on db: any Database) async throws {
        guard let completedAt = record.completedAt else { return }
        do {
            try review.check(resultDay: .today(at: completedAt), alreadyReviewed: record.reviewRequestedAt != nil,
                             revoked: record.revokedAt != nil, today: .today(at: now()))
        } catch {
            throw VerificationError.review(error)
        }
        record.reviewRequestedAt = now()
        record.reviewReason = input.reviewReason
        record.reviewNote = input.note
        record.reviewOutcomeReviewed = record.outcome
    }

    /// An officer's decision: upheld, or changed to `input.outcome` (a new result, code,
    /// receipt and — on first asking — credential; the old one superseded).
    func decideReview(_ record: VerificationRequestRecord, _ input: ActionInput, by officer: Account, catalog: Catalog,
                      on db: any Database) async throws {
        let id = try record.requireID()
        let recorder = try await db.sql.select().column("actor_id").from(VerificationEventRecord.schema)
            .where("request_id", .equal, SQLBind(id)).where("action", .equal, SQLBind(VerificationAction.complete.rawValue))
            .orderBy("at", .descending).limit(1).first()?.decode(column: "actor_id", as: UUID.self)
        if recorder == officer.id { throw VerificationError.review(.sameOfficer) }
        guard let decision = input.decision else { return }
        if decision == .changed {
            guard let outcome = input.outcome, outcome.rawValue != record.outcome else {
                throw VerificationError.invalid([InputError("outcome", zh: "“变更结果”须选择与原结果不同的结果；如不变更，请选择“维持原结果”。",
                                                            en: "Outcome must differ from the result reviewed; to keep it, the decision is upheld.")])
            }
            try await supersede(record, on: db)
            try complete(record, outcome: outcome, catalog: catalog)
        }
        record.reviewDecision = decision.rawValue
        record.reviewDecidedAt = now()
        record.reviewDecisionNote = input.note
    }

    /// Keeps the result as it was, then clears what a new result replaces.
    private func supersede(_ record: VerificationRequestRecord, on db: any Database) async throws {
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
