import CredenceCore
import Hummingbird

/// `POST /api/v1/benefits`: a profile in, the evaluation out.
struct BenefitsAPIController {
    let state: CatalogState

    func addRoutes(to routes: Routes) {
        routes.post("benefits", .anyone, use: evaluate)
    }

    /// `?include=routes`: each benefit's routes whole, with their documents, notes and evidence;
    /// else what a person acts on (office, service, address, confidence) and the route's id.
    @Sendable func evaluate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let wholeRoutes = try Self.includesRoutes(request)
        let body = try await BenefitsRequest.read(from: request)
        let answer = try state.benefitsAnswer(body.profile, edition: body.edition,
                                              includingDrafts: context.actor?.account.role.readsDrafts == true, wholeRoutes: wholeRoutes)
        return Response(status: .ok, headers: JSONResponse.headers, body: .init(byteBuffer: answer))
    }

    static func includesRoutes(_ request: Request) throws -> Bool {
        guard let include = request.uri.queryParameters["include"] else { return false }
        guard include == "routes" else { throw APIError.badParameter("include", "include may only be routes; got \(Echo.quoted(include)).") }
        return true
    }
}
