import CredenceCore
import FluentKit
import Foundation

/// Where each benefit is claimed: read as a whole, corrected one route at a time by an
/// administrator with a source, audited.
public struct BenefitRouteStore: Sendable {
    let database: any Database
    let now: @Sendable () -> Date

    public func all() async throws -> BenefitRoutes {
        BenefitRoutes(try await BenefitRouteRecord.query(on: database).all().map {
            try JSONDecoder().decode(BenefitRoute.self, from: Data($0.document.utf8))
        })
    }

    /// An administrator corrects a benefit's route (its first office unless `position`
    /// names the second). The change, the route before it and its source go in the audit
    /// chain; every instance reloads the routes as it does after an edition change.
    public func correct(_ benefit: Benefit, position: Int, to correction: BenefitRouteCorrection, by admin: Account) async throws
        -> BenefitRoute
    {
        let today = CalendarDate.today(at: now())
        guard let record = try await BenefitRouteRecord.find(BenefitRouteRecord.id(benefit, position), on: database) else {
            throw VerificationError.notFound
        }
        let problems = correction.problems(today: today)
        guard problems.isEmpty, let checkedOn = correction.checkedOn else { throw VerificationError.invalid(problems) }
        let before = try JSONDecoder().decode(BenefitRoute.self, from: Data(record.document.utf8))
        let route = before.corrected(as: correction, by: admin.name.isEmpty ? admin.email : admin.name, on: checkedOn)
        struct Change: Encodable { var before: BenefitRoute; var confirmation: ChannelConfirmation? }
        let detail = String(decoding: try CanonicalJSON.data(Change(before: before, confirmation: route.confirmation)), as: UTF8.self)
        record.document = String(decoding: try CanonicalJSON.data(route), as: UTF8.self)
        try await database.transaction { db in
            try await record.save(on: db)
            try await Editions.bump(on: db)
            try await AuditLog.append(on: db, at: now(), kind: "benefit_route.changed", actor: admin.id, subject: record.id, email: admin.email,
                                      address: nil, detail: detail)
        }
        return route
    }
}

extension Store {
    public var benefitRoutes: BenefitRouteStore { BenefitRouteStore(database: database, now: clock) }
}
