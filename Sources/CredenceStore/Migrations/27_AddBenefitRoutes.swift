import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 32: where each benefit is claimed, from the routes' data file, for new and
/// existing databases alike.
struct AddBenefitRoutes: AsyncMigration {
    var name: String { "2026-12-04-add-benefit-routes" }

    func prepare(on database: any Database) async throws {
        try await database.schema(BenefitRouteRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("document", .string, .required)
            .create()
        for route in try BundledData.benefitRoutes() {
            let record = BenefitRouteRecord()
            record.id = BenefitRouteRecord.id(route.benefit, route.position)
            record.document = String(decoding: try CanonicalJSON.data(route), as: UTF8.self)
            try await record.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BenefitRouteRecord.schema).delete()
    }
}
