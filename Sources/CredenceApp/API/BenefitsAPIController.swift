import CredenceCore
import Hummingbird

/// `POST /api/v1/benefits`: a profile in, the evaluation out.
struct BenefitsAPIController {
    let state: CatalogState

    func addRoutes(to routes: Routes) {
        routes.post("benefits", .anyone, use: evaluate)
    }

    @Sendable func evaluate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let body = try await BenefitsRequest.read(from: request)
        let answer = try state.benefitsAnswer(body.profile, edition: body.edition,
                                              includingDrafts: context.actor?.account.role.readsDrafts == true)
        return Response(status: .ok, headers: JSONResponse.headers, body: .init(byteBuffer: answer))
    }
}
