import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// `/verify`: anyone checks a result's code.
struct PublicCheckWebController {
    let store: Store
    let state: CatalogState
    /// Who runs this installation and whether it takes requests.
    let installation: Installation

    func addRoutes(to routes: Routes) {
        routes.get("verify", .anyone, use: verifyForm)
        routes.get("verify/:code", .anyone, use: check)
    }

    @Sendable func verifyForm(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        if let code = request.uri.queryParameters["code"].map(String.init), !code.isEmpty {
            return Response(status: .seeOther, headers: [.location: SiteURL.verify(code: String(code.prefix(40))).path])
        }
        return Response.html(VerifyPage(installation: installation).render(PageContext(request, context)))
    }

    @Sendable func check(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let code = try context.pathText("code")
        let check = try await store.verifications.publicCheck(code: code, address: context.remoteAddress)
        let page = VerifyPage(code: code, check: check,
                              entryName: check.flatMap { try? state.current.catalog.entry($0.entryId, edition: $0.edition).name },
                              certificateNote: check?.note(today: .today(at: store.clock())), installation: installation)
        // A code the holder switched off, or past its period: said, as 410 Gone (issue 31).
        return Response.html(page.render(PageContext(request, context)), status: check == nil ? .notFound : check!.active ? .ok : .gone)
    }
}
