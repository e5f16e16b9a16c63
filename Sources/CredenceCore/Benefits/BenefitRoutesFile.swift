import Foundation

/// Resources/benefit-routes.json, as found (2026-12-03; notes rewritten as guidance for the
/// person and evidence marked `official`, 2026-12-05): for each benefit the office, the
/// online service, the documents a source lists, notes, a confidence and the evidence.
/// Shipped unchanged; `BundledData.benefitRoutes()` reads it.
struct BenefitRoutesFile: Decodable {
    struct Route: Decodable {
        var benefit: String
        var office: BilingualText?
        var service: BilingualText?
        var url: String?
        var documents: [BilingualText]
        var notes: BilingualText?
        var confidence: RouteConfidence
        var evidence: [Evidence]
    }

    struct Evidence: Decodable {
        var source_url: String
        var quote: String
        /// The notice or a government site (true), any other page (false).
        var official: Bool
    }

    var routes: [Route]

    /// How the file cites the notice itself.
    static let noticeSource = "shared/seeds/"
}

extension BundledData {
    /// The routes an administrator starts from, in the file's order; evidence quoting the
    /// notice links to the clause that prints it on `/notice`.
    public static func benefitRoutes() throws -> [BenefitRoute] {
        let file = try JSONDecoder().decode(BenefitRoutesFile.self, from: resource("benefit-routes", "json"))
        let text = try noticeText()
        let notice = Notice(text: text)
        var positions: [Benefit: Int] = [:]
        return try file.routes.map { route in
            guard let benefit = Benefit(rawValue: route.benefit) else { throw corrupt("benefit-routes.json: unknown benefit \(route.benefit)") }
            positions[benefit, default: 0] += 1
            let evidence = try route.evidence.map { found in
                guard found.source_url.hasPrefix(BenefitRoutesFile.noticeSource) else {
                    return ChannelEvidence(source: found.source_url, quote: found.quote, official: found.official)
                }
                guard let anchor = notice.anchor(quoting: found.quote, in: text) else {
                    throw corrupt("benefit-routes.json: the notice does not print \(found.quote)")
                }
                return ChannelEvidence(source: Notice.path(anchor: anchor), quote: found.quote, official: true)
            }
            return BenefitRoute(benefit: benefit, position: positions[benefit]!, office: route.office, service: route.service, url: route.url,
                                documents: route.documents, notes: route.notes, confidence: route.confidence, evidence: evidence)
        }
    }

    private static func corrupt(_ message: String) -> CocoaError {
        CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: message])
    }
}

extension Notice {
    /// The address of a place in the notice on this site: `/notice#二-一`.
    public static func path(anchor: String) -> String {
        "/notice#" + anchor
    }
}
