import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// `/holder/{token}`: the holder's own page (issue 31), reached by the link mailed to them —
/// no account. Each step is a form; a refused step is shown on the page in its language.
struct HolderWebController {
    let store: Store
    let state: CatalogState
    let issuer: CredentialIssuer
    let retention: RetentionPolicy
    var reading: HolderReading { HolderReading(store: store, state: state, retention: retention) }

    func addRoutes(to routes: Routes) {
        routes.get("holder/:token", .anyone, use: page)
        routes.post("holder/:token/consent", .anyone, use: consent)
        routes.post("holder/:token/decline", .anyone) { request, context in try await step(request, context) { try await store.verifications.holderDecline(token: $0, address: $1) } }
        routes.post("holder/:token/withdraw", .anyone) { request, context in try await step(request, context) { try await store.verifications.holderWithdraw(token: $0, address: $1) } }
        routes.post("holder/:token/erasure", .anyone) { request, context in try await step(request, context) { try await store.verifications.holderErasure(token: $0, address: $1) } }
        routes.post("holder/:token/public-check", .anyone, use: publicCheck)
        routes.get("holder/:token/credential", .anyone, use: credential)
        routes.post("requests/:id/holder-invitation", .signedIn([.employer]), use: resend)
    }

    /// The employer's "send the link again" on the request's page.
    @Sendable func resend(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try VerificationRouting.requestID(context)
        try await store.verifications.resendHolderInvitation(id, by: try context.requireActor().account)
        return Response(status: .seeOther, headers: [.location: SiteURL.request(id).path])
    }

    @Sendable func page(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await render(request, context)
    }

    func render(_ request: Request, _ context: AppRequestContext, error: BilingualText? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let page = PageContext(request, context)
        let content = try await reading.content(try HolderRouting.token(context), address: context.remoteAddress, language: page.language)
        let html = HolderPage(content: content, token: try HolderRouting.token(context), today: .today(at: store.clock()), error: error).render(page)
        return (Response.html(html, status: status))
    }

    @Sendable func consent(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        let language = PageContext(request, context).language
        return try await step(request, context) { token, address in
            let shown = try await reading.content(token, address: address, language: language)
            try await store.verifications.holderConsent(token: token, processing: form["processing"] == "true",
                                                        transferAbroad: form["transferAbroad"] == "true", text: shown.text,
                                                        language: language, address: address)
        }
    }

    @Sendable func publicCheck(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        let days = form["days"].trimmingCharacters(in: .whitespaces)
        return try await step(request, context) { token, address in
            guard days.isEmpty || Int(days) != nil else {
                throw VerificationError.invalid([InputError("days", zh: "天数须为1至3650的整数。", en: "Days must be a whole number from 1 to 3650.")])
            }
            try await store.verifications.holderPublicCheck(token: token, active: form["active"] == "true", days: Int(days), address: address)
        }
    }

    /// A step, then back to the page; a refusal (other than the link's) shown there.
    func step(_ request: Request, _ context: AppRequestContext, _ action: (String, String) async throws -> Void) async throws -> Response {
        let token = try HolderRouting.token(context)
        do {
            try await action(token, context.remoteAddress)
        } catch let error as VerificationError where error != .holderLinkInvalid {
            return try await render(request, context, error: error.message, status: APIError(error).status)
        }
        return (Response(status: .seeOther, headers: [.location: "/holder/\(token)"]))
    }

    @Sendable func credential(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let text = try await store.verifications.holderCredential(token: try HolderRouting.token(context), address: context.remoteAddress,
                                                                  issuer: issuer, catalog: state.current.catalog)
        return (Response(status: .ok, headers: [
            .contentType: "application/json; charset=utf-8", .contentDisposition: "attachment; filename=\"credential.json\"",
        ], body: .init(byteBuffer: ByteBuffer(string: text))))
    }
}
