import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// `search_misses`: a public search that found little — the normalised query, its week and
/// a keyed tag of the session (never the session, never an address), so a query is shown
/// only once three sessions asked it in a week.
final class SearchMissRecord: Model, @unchecked Sendable {
    static let schema = "search_misses"

    @ID(key: .id) var id: UUID?
    @Field(key: "week") var week: String
    @Field(key: "query") var query: String
    @Field(key: "tag") var tag: String

    init() {}
}
