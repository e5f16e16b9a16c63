import CredenceCore

/// A route as the API shows it (`GET /api/v1/benefit-routes`, and under each benefit of a
/// benefits answer): the data file's fields, null where nothing was found, with the
/// confidence in words.
public struct BenefitRouteDTO: Encodable, Sendable {
    public var route: BenefitRoute

    enum CodingKeys: String, CodingKey {
        case benefit, position, office, service, url, documents, notes, confidence, confidenceText, evidence, confirmation
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(route.benefit, forKey: .benefit)
        try c.encode(route.position, forKey: .position)
        try c.encode(route.office, forKey: .office)  // null, not absent
        try c.encode(route.service, forKey: .service)
        try c.encode(route.url, forKey: .url)
        try c.encode(route.documents, forKey: .documents)
        try c.encode(route.notes, forKey: .notes)
        try c.encode(route.confidence, forKey: .confidence)
        try c.encode(route.trust, forKey: .confidenceText)
        try c.encode(route.evidence, forKey: .evidence)
        try c.encode(route.confirmation, forKey: .confirmation)
    }
}

/// `GET /api/v1/benefit-routes`: every route, benefit by benefit in the rules' order.
struct BenefitRouteListDTO: Encodable, Sendable {
    var routes: [BenefitRouteDTO]
}

/// Each benefit's routes, encoded once per catalog version: a benefits answer copies these
/// bytes instead of encoding the same fixed data on every request.
public struct EncodedBenefitRoutes: Sendable {
    let routes: BenefitRoutes
    private let bytes: [Benefit: [UInt8]]

    public init(_ routes: BenefitRoutes) {
        self.routes = routes
        var bytes: [Benefit: [UInt8]] = [:]
        for benefit in Benefit.all {
            bytes[benefit] = (try? APIJSON.encode(routes.routes(for: benefit).map(BenefitRouteDTO.init))).map(Array.init) ?? Array("[]".utf8)
        }
        self.bytes = bytes
    }

    func dtos(for benefit: Benefit) -> [BenefitRouteDTO] {
        routes.routes(for: benefit).map(BenefitRouteDTO.init)
    }

    func json(for benefit: Benefit) -> [UInt8] {
        bytes[benefit] ?? Array("[]".utf8)
    }
}
