import CredenceMail
import CredenceStore
import Hummingbird

/// `/admin`: where an administrator starts (the header's "Administration").
struct AdminWebController {
    let store: Store
    let mailFolder: MailFolder?

    func addRoutes(to routes: Routes) {
        routes.get("admin", .signedIn([.admin]), use: home)
    }

    @Sendable func home(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let files = try mailFolder?.list().count ?? 0
        return Response.html(AdminHomePage(mailFiles: files, smtp: mailFolder == nil).render(PageContext(request, context)))
    }
}
