import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// Results that travel: the DID document, each completed request's W3C credential, the
/// revocation lists, and a check anyone can run on a credential.
struct CredentialsAPIController {
    let store: Store
    let state: CatalogState
    let issuer: CredentialIssuer

    /// `/.well-known/did.json` (and `/did.json`, where did:web looks when the public address has a path).
    func addWellKnownRoutes(to routes: Routes) {
        routes.get(".well-known/did.json", .anyone, use: didDocument)
        routes.get("did.json", .anyone, use: didDocument)
    }

    func addRoutes(to api: Routes) {
        api.get("verification-requests/:id/credential", .verificationParty, use: credential)
        api.get("status-lists/:listId", .anyone, use: statusList)
        api.post("credentials/verify", .anyone, use: verify)
    }

    @Sendable func didDocument(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try Self.canonical(try await store.verifications.didDocument(issuer: issuer), contentType: "application/did+json")
    }

    @Sendable func credential(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let text = try await store.verifications.credential(
            of: try VerificationRouting.requestID(context), for: try context.requireActor().account, issuer: issuer,
            catalog: state.current.catalog)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "private, no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    @Sendable func statusList(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let name = try context.parameters.require("listId")
        guard let list = Int(name), list > 0, let credential = try await store.verifications.statusList(list, issuer: issuer) else {
            throw APIError.notFound("No status list '\(name.prefix(40))'.")
        }
        // Verifiers may cache it briefly; a revocation shows within a minute.
        var response = try Self.canonical(credential, contentType: "application/json; charset=utf-8")
        response.headers[.cacheControl] = "public, max-age=60"
        return response
    }

    @Sendable func verify(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: CredentialVerifier.maxBytes)
        guard body.readableBytes > 0 else {
            throw APIError(status: .badRequest, code: "empty_body", message: "Send the credential, as it was handed over, as the body.")
        }
        let verdict = try await store.verifications.verifyCredential(Data(body.readableBytesView), issuer: issuer)
        return try Response.json(CredentialVerdictDTO(verdict), status: .ok)
    }

    static func canonical(_ value: JSONValue, contentType: String) throws -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: try JCS.canonicalize(value))))
    }
}

struct CredentialVerdictDTO: Encodable, Sendable {
    struct Check: Encodable, Sendable {
        var check: String
        var result: String
        var message: BilingualText
    }

    var verified: Bool
    var checks: [Check]

    init(_ verdict: CredentialVerdict) {
        verified = verdict.verified
        checks = verdict.checks.map { Check(check: $0.check.rawValue, result: $0.result.rawValue, message: $0.message) }
    }
}
