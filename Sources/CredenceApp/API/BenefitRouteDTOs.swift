import CredenceCore

/// A route as the API shows it (`GET /api/v1/benefit-routes`, and under each benefit of a
/// benefits answer): the data file's fields, null where nothing was found, with the
/// confidence in words.
public struct BenefitRouteDTO: Encodable, Sendable {
    public var route: BenefitRoute

    enum CodingKeys: String, CodingKey {
        case id, benefit, position, office, service, url, documents, notes, confidence, confidenceText, evidence, confirmation
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(route.id, forKey: .id)
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

/// What a person acts on, under each benefit of a benefits answer (issue 45): the route's id
/// (its whole at `GET /api/v1/benefit-routes/{id}`), the office, the service, its address and
/// how far to trust it. `?include=routes` gives whole routes instead.
public struct BenefitRouteSummaryDTO: Encodable, Sendable {
    public var route: BenefitRoute

    enum CodingKeys: String, CodingKey { case id, office, service, url, confidence }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(route.id, forKey: .id)
        try c.encode(route.office, forKey: .office)  // null, not absent
        try c.encode(route.service, forKey: .service)
        try c.encode(route.url, forKey: .url)
        try c.encode(route.confidence, forKey: .confidence)
    }
}

/// A benefit's routes in an answer: summaries by default, whole routes when asked for.
public enum BenefitRoutesDTO: Encodable, Sendable {
    case summaries([BenefitRouteSummaryDTO])
    case whole([BenefitRouteDTO])

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .summaries(let routes): try c.encode(routes)
        case .whole(let routes): try c.encode(routes)
        }
    }
}

/// Each benefit's routes, encoded once per catalog version, as summaries and whole: a
/// benefits answer copies these bytes instead of encoding the same fixed data on every request.
public struct EncodedBenefitRoutes: Sendable {
    let routes: BenefitRoutes
    private let summaries: [Benefit: [UInt8]]
    private let whole: [Benefit: [UInt8]]

    public init(_ routes: BenefitRoutes) {
        self.routes = routes
        func encoded(_ dto: (BenefitRoute) -> some Encodable) -> [Benefit: [UInt8]] {
            Dictionary(uniqueKeysWithValues: Benefit.all.map { benefit in
                (benefit, (try? APIJSON.encode(routes.routes(for: benefit).map(dto))).map(Array.init) ?? Array("[]".utf8))
            })
        }
        summaries = encoded(BenefitRouteSummaryDTO.init)
        whole = encoded(BenefitRouteDTO.init)
    }

    func dtos(for benefit: Benefit, whole: Bool) -> BenefitRoutesDTO {
        let list = routes.routes(for: benefit)
        return whole ? .whole(list.map(BenefitRouteDTO.init)) : .summaries(list.map(BenefitRouteSummaryDTO.init))
    }

    func json(for benefit: Benefit, whole: Bool) -> [UInt8] {
        (whole ? self.whole : summaries)[benefit] ?? Array("[]".utf8)
    }
}
