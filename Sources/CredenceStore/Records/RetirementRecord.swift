import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// The `retirements` table: an entry a draft retired, the entry as it was, and why.
final class RetirementRecord: Model, @unchecked Sendable {
    static let schema = "retirements"

    @ID(key: .id) var id: UUID?
    @Field(key: "edition_id") var editionID: String
    @Field(key: "entry_id") var entryID: String
    @Field(key: "reason") var reason: String
    @OptionalField(key: "note") var note: String?
    /// The retired entry as JSON, as it stood in the edition it left.
    @Field(key: "entry") var entry: String

    init() {}
}
