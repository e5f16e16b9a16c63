import CredenceCore
import FluentKit
import Foundation
import SQLKit

extension Verifications {
    /// Creates one request per row of `file`, or refuses the whole file naming every bad row.
    public func submitBatch(_ file: Sheet, by employer: Account, catalog: Catalog, language: Language) async throws -> VerificationBatch {
        guard employer.role == .employer else { throw VerificationError.notFound }
        let edition = try catalog.resolveEdition(nil)
        let open = try await reader.sql.select().column("entry_id").column("certificate_number").from(RequestRow.table)
            .where("employer_id", .equal, SQLBind(employer.id))
            .where("status", .in, SQLBind.group([VerificationStatus.submitted, .needsInfo, .accepted].map(\.rawValue)))
            .all().map { [try $0.decode(column: "entry_id", as: String.self), try $0.decode(column: "certificate_number", as: String.self)] }
        let drafts = try BatchCSV.parse(file, entries: catalog.entries(of: edition.id) ?? [], open: Set(open), today: .today(at: now()),
                                        language: language)
        let registry = try await issuingBodyRegistry()
        let at = now()
        let batch = PendingBatch(id: UUID(), employerID: employer.id, createdAt: at, count: drafts.count)
        // A millisecond apart, so the batch reads back in the file's order.
        let submissions = try drafts.enumerated().map { row, draft in
            try pending(draft, by: employer, edition: edition.id, body: registry.body(for: draft.entryId).id,
                        at: at.addingTimeInterval(Double(row) / 1000), batch: batch.id)
        }
        try await self.submissions.commit(SubmissionGroup(batch: batch, submissions: submissions))
        return VerificationBatch(id: batch.id, createdAt: at, count: drafts.count, requests: submissions.map(\.stored))
    }

    /// One batch with its requests in file order; another employer's is not found.
    public func batch(_ id: UUID, for account: Account) async throws -> VerificationBatch {
        guard let record = try await VerificationBatchRecord.find(id, on: reader),
              account.role != .employer || record.employerID == account.id
        else { throw VerificationError.notFound }
        var filter = RequestFilter.visible(to: account)
        filter.batch = id
        let rows = try await requestRows(filter, order: .oldestFirst, page: RequestPaging(limit: BatchCSV.maxRows)).rows
        return VerificationBatch(id: id, createdAt: record.createdAt, count: record.count, requests: rows.map(\.request))
    }

    /// An employer's batches, newest first: (id, when, how many).
    public func batches(for employer: Account, limit: Int = 20) async throws -> [(id: UUID, createdAt: Date, count: Int)] {
        try await VerificationBatchRecord.query(on: reader).filter(\.$employerID == employer.id)
            .sort(\.$createdAt, .descending).limit(limit).all().map { (try $0.requireID(), $0.createdAt, $0.count) }
    }
}
