import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// The dashboard's copy of each alert (`catalog_alerts`; the outbox columns, never sent).
final class CatalogAlertRecord: Model, @unchecked Sendable {
    static let schema = "catalog_alerts"

    @ID(key: .id) var id: UUID?
    @Field(key: "employer_id") var employerID: UUID
    @Field(key: "payload") var payload: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
