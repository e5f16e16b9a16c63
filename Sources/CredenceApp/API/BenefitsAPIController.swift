import CredenceCore
import Hummingbird

/// `POST /api/v1/benefits`: a profile in, the evaluation out.
struct BenefitsAPIController {
    let state: CatalogState

    func addRoutes(to routes: Routes) {
        routes.post("benefits", .anyone) { request, context in
            let body = try await BenefitsRequest.read(from: request)
            return BenefitEvaluationDTO(try state.current.catalog.evaluateBenefits(
                body.profile, edition: body.edition, includingDrafts: context.actor?.account.role == .admin))
        }
    }
}
