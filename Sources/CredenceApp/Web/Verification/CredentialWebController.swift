import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// The printable result and the public check of a credential file.
struct CredentialWebController {
    let store: Store
    let state: CatalogState
    let issuer: CredentialIssuer
    let installation: Installation

    func addRoutes(to routes: Routes) {
        routes.get("requests/:id/certificate", .signedIn([.employer, .officer]), use: certificate)
        routes.get("requests/:id/credential", .verificationParty, use: credential)
        routes.post("verify/credential", .anyone, uploads: true, use: verifyCredential)
    }

    @Sendable func certificate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let found = try await store.verifications.request(try VerificationRouting.requestID(context), for: try context.requireActor().account)
        guard found.status == .completed else {
            throw VerificationError.illegal(IllegalTransition(from: found.status, action: .complete))
        }
        let entryName = (try? state.current.catalog.entry(found.entryId, edition: found.edition).name)
            ?? BilingualText(zh: found.entryId, en: found.entryId)
        return Response.html(CertificatePage(request: found, entryName: entryName, issuer: issuer).render(PageContext(request, context)))
    }

    /// The credential file to hand on (the API's, for a signed-in browser).
    @Sendable func credential(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try VerificationRouting.requestID(context)
        let text = try await store.verifications.credential(of: id, for: try context.requireActor().account, issuer: issuer,
                                                            catalog: state.current.catalog)
        return Response(status: .ok, headers: [
            .contentType: "application/json; charset=utf-8", .cacheControl: "private, no-store",
            .contentDisposition: "attachment; filename=\"credential-\(id.uuidString.lowercased()).json\"",
        ], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A credential pasted or uploaded: checked as `POST /api/v1/credentials/verify` checks it.
    @Sendable func verifyCredential(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        let pasted = form["credential"].trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes: [UInt8]
        if let file = form.files.first(where: { !$0.bytes.isEmpty }) {
            bytes = file.bytes
        } else {
            bytes = Array(pasted.utf8)
        }
        var page = VerifyPage(installation: installation)
        guard !bytes.isEmpty else {
            page.credentialError = BilingualText(zh: "请粘贴凭证 JSON，或选择凭证文件。", en: "Paste the credential's JSON, or choose the credential file.")
            return Response.html(page.render(PageContext(request, context)), status: .unprocessableContent)
        }
        guard bytes.count <= CredentialVerifier.maxBytes else {
            page.credentialError = BilingualText(zh: "凭证文件不能超过 1 MiB。", en: "A credential file may be at most 1 MiB.")
            return Response.html(page.render(PageContext(request, context)), status: .contentTooLarge)
        }
        page.verdict = try await store.verifications.verifyCredential(Data(bytes), issuer: issuer)
        return Response.html(page.render(PageContext(request, context)))
    }
}
