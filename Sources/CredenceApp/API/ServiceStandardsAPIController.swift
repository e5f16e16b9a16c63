import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// `GET /api/v1/service-standards`: the published time limits and how they were kept.
struct ServiceStandardsAPIController {
    let store: Store

    func addRoutes(to routes: Routes) {
        routes.get("service-standards", .anyone, use: standards)
    }

    @Sendable func standards(_ request: Request, _ context: AppRequestContext) async throws -> ServiceStandardsDTO {
        ServiceStandardsDTO(try await store.verifications.serviceStandards())
    }
}

/// The figures as JSON: shares as fractions (0–1), unknowns null.
struct ServiceStandardsDTO: ResponseEncodable, Sendable {
    struct Figures: Encodable, Sendable {
        var figures: ServiceStandards.Figures

        enum CodingKeys: String, CodingKey {
            case issuingBodyId, name, completed, medianWorkingDays, shareByEstimate, shareUnableToVerify, statedTypicalDays, averageRating, ratings,
                 reviewsAsked, reviewsChanged
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            if let id = figures.issuingBodyId { try c.encode(id, forKey: .issuingBodyId) }
            try c.encode(figures.name, forKey: .name)
            try c.encode(figures.completed, forKey: .completed)
            try c.encode(figures.medianWorkingDays, forKey: .medianWorkingDays)
            try c.encode(figures.shareByEstimate.map(Self.rounded), forKey: .shareByEstimate)
            try c.encode(figures.shareUnableToVerify.map(Self.rounded), forKey: .shareUnableToVerify)
            if figures.issuingBodyId != nil { try c.encode(figures.statedTypicalDays, forKey: .statedTypicalDays) }
            try c.encode(figures.averageRating.map { ($0 * 100).rounded() / 100 }, forKey: .averageRating)
            try c.encode(figures.ratings, forKey: .ratings)
            try c.encode(figures.reviewsAsked, forKey: .reviewsAsked)
            try c.encode(figures.reviewsChanged, forKey: .reviewsChanged)
        }

        static func rounded(_ share: Double) -> Double { (share * 10_000).rounded() / 10_000 }
    }

    var from: String
    var to: String
    var overall: Figures
    var issuingBodies: [Figures]

    init(_ standards: ServiceStandards) {
        from = standards.from.description
        to = standards.to.description
        overall = Figures(figures: standards.overall)
        issuingBodies = standards.issuingBodies.map { Figures(figures: $0) }
    }
}
