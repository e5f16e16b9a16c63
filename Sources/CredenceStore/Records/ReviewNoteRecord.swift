import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// `review_notes`: what an administrator or reviewer found when tracking an entry (四); kept forever.
final class ReviewNoteRecord: Model, @unchecked Sendable {
    static let schema = "review_notes"

    @ID(key: .id) var id: UUID?
    @Field(key: "entry_id") var entryID: String
    @Field(key: "kind") var kind: String
    @Field(key: "text") var text: String
    @OptionalField(key: "source") var source: String?
    @OptionalField(key: "by_id") var byID: UUID?
    @Field(key: "by_name") var byName: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
