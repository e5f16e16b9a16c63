import CredenceCore
import CredenceMail
import CredenceStore
import Foundation
import Hummingbird

/// `/admin/mail`: on an install without SMTP, every message Credence sends is an `.eml`
/// file in the data folder; administrators list and read them here (each read audited: a
/// holder's invitation carries their link) and pass them on by hand.
struct MailWebController {
    let store: Store
    /// nil when mail goes to an SMTP server: the page then says so.
    let folder: MailFolder?

    func addRoutes(to routes: Routes) {
        routes.get("admin/mail", .signedIn([.admin]), use: list)
        routes.get("admin/mail/:name", .signedIn([.admin]), use: message)
    }

    @Sendable func list(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let files = try folder?.list() ?? []
        let waiting = try await store.mails.pending()
        return Response.html(MailListPage(folder: folder?.folder.path, files: files, waiting: waiting).render(PageContext(request, context)))
    }

    /// One message, readable; `?download=1` gives the `.eml` file itself.
    @Sendable func message(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let name = try context.pathText("name")
        guard let folder, let data = try folder.read(name) else { throw HTTPError(.notFound) }
        let account = try context.requireActor().account
        try await store.accounts.audit("mail.read", actor: account.id, email: account.email, detail: name)
        if request.uri.queryParameters["download"] == "1" {
            return Response(status: .ok, headers: [.contentType: "message/rfc822", .contentDisposition: "attachment; filename=\"\(name)\""],
                            body: .init(byteBuffer: ByteBuffer(data: data)))
        }
        return Response.html(MailMessagePage(name: name, mail: WrittenMail(data)).render(PageContext(request, context)))
    }
}
