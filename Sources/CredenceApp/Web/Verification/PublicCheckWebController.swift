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
        // A GET form's query is form-encoded (a space is "+"); the code is read as typed and sent
        // on in its one spelling, so "  tj 7a44z y9d8c " lands on /verify/TJ-7A44Z-Y9D8C.
        let given = FormFields(query: request.uri.query ?? "")["code"]
        if !given.trimmingCharacters(in: .whitespaces).isEmpty {
            let typed = String(given.prefix(40))
            return Response(status: .seeOther, headers: [.location: SiteURL.verify(code: VerificationCode.parse(typed) ?? typed).path])
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
