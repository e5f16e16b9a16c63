import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// `proposals`: a qualification someone asks to have added (纳入).
final class ProposalRecord: Model, @unchecked Sendable {
    static let schema = "proposals"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "name") var name: String
    @Field(key: "issuer") var issuer: String
    @Field(key: "region") var region: String
    @Field(key: "work_field") var workField: String
    @Field(key: "why") var why: String
    /// The optional contact address, sealed; erased once the proposal is decided.
    @OptionalField(key: "contact_sealed") var contactSealed: String?
    @Field(key: "status") var status: String
    @OptionalField(key: "decision_reason") var decisionReason: String?
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?

    init() {}
}
