import CredenceCore
import FluentKit

/// The `benefit_routes` table: where each benefit is claimed, one row per office.
final class BenefitRouteRecord: Model, @unchecked Sendable {
    static let schema = "benefit_routes"

    /// `<benefit>/<position>`, e.g. `practice.ftz/2`.
    @ID(custom: "id", generatedBy: .user) var id: String?
    /// The route as JSON (`BenefitRoute`): small, read whole, edited whole.
    @Field(key: "document") var document: String

    init() {}

    static func id(_ benefit: Benefit, _ position: Int) -> String { "\(benefit.rawValue)/\(position)" }
}
