import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Issue 43: the routes' notes rewritten for the person (each evidence item marked
/// `official`) and the channels' evidence cleaned (no unpublished files, mirror sites or a
/// stranger's certificate), loaded into databases made before. What an administrator
/// confirmed or corrected stays as they saved it; everything else becomes the files'.
struct ReloadSourcedData: AsyncMigration {
    var name: String { "2026-12-06-reload-routes-and-channels" }

    func prepare(on database: any Database) async throws {
        for route in try BundledData.benefitRoutes() {
            let id = BenefitRouteRecord.id(route.benefit, route.position)
            let document = String(decoding: try CanonicalJSON.data(route), as: UTF8.self)
            if let record = try await BenefitRouteRecord.find(id, on: database) {
                let stored = try? JSONDecoder().decode(BenefitRoute.self, from: Data(record.document.utf8))
                guard stored?.confirmation == nil else { continue }
                record.document = document
                try await record.save(on: database)
            } else {
                let record = BenefitRouteRecord()
                record.id = id
                record.document = document
                try await record.create(on: database)
            }
        }
        for body in try BundledData.issuingBodies() {
            guard let record = try await IssuingBodyRecord.find(body.id, on: database) else { continue }
            let stored = try? JSONDecoder().decode(IssuingBody.self, from: Data(record.document.utf8))
            guard var updated = stored, updated.channel.confirmation == nil else { continue }
            updated.channel = body.channel
            record.document = String(decoding: try CanonicalJSON.data(updated), as: UTF8.self)
            try await record.save(on: database)
        }
    }

    func revert(on database: any Database) async throws {}
}
