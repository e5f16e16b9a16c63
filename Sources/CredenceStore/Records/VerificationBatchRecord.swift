import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// The `verification_batches` table: who uploaded a file of holders, when, how many.
final class VerificationBatchRecord: Model, @unchecked Sendable {
    static let schema = "verification_batches"

    @ID(key: .id) var id: UUID?
    @Field(key: "employer_id") var employerID: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "count") var count: Int

    init() {}
}
