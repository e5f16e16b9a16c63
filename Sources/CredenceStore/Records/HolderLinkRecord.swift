import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// `holder_links`: a link mailed to the holder — its SHA-256, its request, until when, and
/// the actions it was used for (each once).
final class HolderLinkRecord: Model, @unchecked Sendable {
    static let schema = "holder_links"

    @ID(custom: "token_hash", generatedBy: .user) var id: String?
    @Field(key: "request_id") var requestID: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    /// Space-separated `HolderAction` names.
    @Field(key: "used") var used: String

    init() {}
}
