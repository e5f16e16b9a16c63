import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// `holder_consents`: one consent, as given.
final class HolderConsentRow: Model, @unchecked Sendable {
    static let schema = "holder_consents"

    @ID(key: .id) var id: UUID?
    @Field(key: "request_id") var requestID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "at") var at: Date
    @Field(key: "address") var address: String
    @Field(key: "text_version") var textVersion: String
    @Field(key: "language") var language: String

    init() {}
}
