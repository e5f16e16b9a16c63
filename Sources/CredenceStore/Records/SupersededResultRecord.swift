import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// `superseded_results`: a result a review changed, as it was.
final class SupersededResultRecord: Model, @unchecked Sendable {
    static let schema = "superseded_results"

    @ID(key: .id) var id: UUID?
    @Field(key: "request_id") var requestID: UUID
    @Field(key: "outcome") var outcome: String
    @Field(key: "completed_at") var completedAt: Date
    @OptionalField(key: "verification_code") var verificationCode: String?
    @OptionalField(key: "credential") var credential: String?
    @OptionalField(key: "status_list") var statusList: Int?
    @OptionalField(key: "status_index") var statusIndex: Int?
    @Field(key: "superseded_at") var supersededAt: Date

    init() {}
}
