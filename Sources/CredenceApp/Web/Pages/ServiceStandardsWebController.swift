import CredenceCore
import CredenceStore
import Foundation
import Hummingbird
import Plot

/// `/service-standards`: the page of figures, read from the store.
struct ServiceStandardsWebController {
    let store: Store

    func addRoutes(to routes: Routes) {
        routes.get("service-standards", .anyone, use: show)
    }

    @Sendable func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        Response.html(ServiceStandardsPage(standards: try await store.verifications.serviceStandards()).render(PageContext(request, context)))
    }
}
