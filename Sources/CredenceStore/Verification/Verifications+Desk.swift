import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// The officers' desk (issue 17): who works on a request, and the queue's filters.
extension Verifications {
    /// Officers take a request themselves; administrators give it to any officer. Audited.
    public func assign(_ id: UUID, to officerID: UUID, by account: Account) async throws -> VerificationRequest {
        guard account.role == .admin || (account.role == .officer && officerID == account.id) else {
            throw VerificationError.invalid([InputError("officerId", zh: "核验人员只能把申请分配给自己。", en: "Officer: an officer may assign a request only to themself.")])
        }
        guard let officer = try await UserRecord.find(officerID, on: database), officer.role == Role.officer.rawValue, officer.disabledAt == nil else {
            throw VerificationError.invalid([InputError("officerId", zh: "请指定一位在职的核验人员。", en: "Officer must be the id of an active officer.")])
        }
        try await database.transaction { db in
            let record = try await visible(id, to: account, on: db)
            record.assigneeID = officerID
            record.updatedAt = now()
            try await record.save(on: db)
            try await AuditLog.append(on: db, at: now(), kind: "verification.assign", actor: account.id, subject: id.uuidString.lowercased(),
                                      email: account.email, address: nil, detail: officerID.uuidString.lowercased())
        }
        return try await request(id, for: account)
    }

    /// Staff's list with the desk's filters, the earliest due first (those not yet accepted
    /// after, oldest first). `openOnly` without a status: the queue of open requests.
    public func desk(for account: Account, status: VerificationStatus?, openOnly: Bool = false, assignee: UUID??, overdue: Bool,
                     issuingBody: String?, search: String? = nil, page: RequestPaging) async throws -> RequestList {
        var filter = RequestFilter.visible(to: account)
        filter.statuses = status.map { [$0.rawValue] }
            ?? (openOnly ? [VerificationStatus.submitted, .needsInfo, .accepted, .underReview].map(\.rawValue) : nil)
        filter.assignee = assignee
        filter.overdueOn = overdue ? CalendarDate.today(at: now()) : nil
        filter.issuingBody = issuingBody
        filter.search = search
        let (rows, more) = try await requestRows(filter, order: .dueFirst, page: page)
        return RequestList(requests: rows.map(\.request), more: more)
    }
}
