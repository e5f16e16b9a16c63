import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// The one-row `catalog_meta` table.
final class CatalogMetaRecord: Model, @unchecked Sendable {
    static let schema = "catalog_meta"

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "version") var version: Int64

    init() {}
}
