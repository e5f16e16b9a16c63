import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// `/api/v1/holder/{token}`: the holder's own place as JSON (issue 31) — what is checked
/// about them, their two consents, and control of their result. `?lang=zh|en` (else the
/// Accept-Language) is the language of the consent's words, whose version is recorded.
struct HolderAPIController {
    let store: Store
    let state: CatalogState
    let retention: RetentionPolicy

    func addRoutes(to routes: Routes) {
        let holder = routes.group("holder")
        holder.get(":token", .anyone, use: show)
        holder.post(":token/consent", .anyone, use: consent)
        holder.post(":token/decline", .anyone) { request, context in try await step(request, context) { try await store.verifications.holderDecline(token: $0, address: $1) } }
        holder.post(":token/withdraw", .anyone) { request, context in try await step(request, context) { try await store.verifications.holderWithdraw(token: $0, address: $1) } }
        holder.post(":token/erasure", .anyone) { request, context in try await step(request, context) { try await store.verifications.holderErasure(token: $0, address: $1) } }
        holder.on(.put, ":token/public-check", .anyone, use: publicCheck)
        routes.post("verification-requests/:id/holder-invitation", .signedIn([.employer]), use: invite)
    }

    static func language(_ request: Request) -> Lang {
        request.uri.queryParameters["lang"].flatMap { Lang(rawValue: String($0)) } ?? Lang.of(request)
    }

    func content(_ request: Request, _ context: AppRequestContext) async throws -> HolderContent {
        try await HolderReading(store: store, state: state, retention: retention)
            .content(try HolderRouting.token(context), address: context.remoteAddress, language: Self.language(request))
    }

    @Sendable func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        (try Response.json(HolderDTO(try await content(request, context), today: .today(at: store.clock())), status: .ok))
    }

    @Sendable func consent(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["processing", "transferAbroad"])
        let shown = try await content(request, context)
        try await store.verifications.holderConsent(
            token: try HolderRouting.token(context), processing: try body.bool("processing") ?? false,
            transferAbroad: try body.bool("transferAbroad") ?? false, text: shown.text, language: shown.language, address: context.remoteAddress)
        return try await show(request, context)
    }

    @Sendable func publicCheck(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["active", "days"])
        guard let active = try body.bool("active") else { throw body.invalid("active", "active is required: true or false.") }
        try await store.verifications.holderPublicCheck(token: try HolderRouting.token(context), active: active, days: try body.wholeNumber("days"),
                                                        address: context.remoteAddress)
        return try await show(request, context)
    }

    func step(_ request: Request, _ context: AppRequestContext, _ action: (String, String) async throws -> Void) async throws -> Response {
        try await action(try HolderRouting.token(context), context.remoteAddress)
        return try await show(request, context)
    }

    /// The employer sends the holder a new link (3 an hour per request).
    @Sendable func invite(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await store.verifications.resendHolderInvitation(try VerificationRouting.requestID(context), by: try context.requireActor().account)
        return try Response.json(["sent": true], status: .accepted)
    }
}
