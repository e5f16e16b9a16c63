import CredenceCore
import CredenceStore
import Hummingbird

/// `/api/v1` accounts: employer registration, tokens, who am I, the user list.
struct AccountsAPIController {
    let store: Store

    func addRoutes(to routes: Routes) {
        routes.post("employers", .anyone) { request, context in
            let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: Self.registrationFields)
            let registration = EmployerRegistration(
                organizationName: try body.requiredString("organizationName", "the organization's registered name"),
                unifiedSocialCreditCode: try body.requiredString("unifiedSocialCreditCode", "the 18-character 统一社会信用代码"),
                contactName: try body.requiredString("contactName", "who to contact"),
                email: try body.requiredString("email", "the contact's email address"),
                phone: try body.requiredString("phone", "a telephone number"),
                password: try body.requiredString("password", "at least 10 characters"))
            let account = try await store.accounts.registerEmployer(registration, address: context.remoteAddress)
            return try Response.json(
                RegisteredEmployerDTO(id: account.id.uuidString.lowercased(), organizationName: account.organizationName ?? "",
                                      email: account.email),
                status: .created)
        }
        routes.post("tokens", .anyone) { request, context in
            let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["email", "password", "totp"])
            let account = try await store.accounts.signIn(
                email: try body.requiredString("email", "the account's email"),
                password: try body.requiredString("password", "the account's password"),
                totp: try body.string("totp"), address: context.remoteAddress)
            let issued = try await store.accounts.issueToken(for: account)
            return try Response.json(
                TokenDTO(token: issued.token, expiresAt: Timestamps.rfc3339(issued.expiresAt), role: account.role.rawValue),
                status: .created)
        }
        routes.delete("tokens/current", .anyAccount) { _, context in
            if let actor = context.actor, case Actor.Credential.token(let id) = actor.credential {
                try await store.accounts.revokeToken(id, by: actor.account)
            }
            return Response(status: .noContent)
        }
        routes.get("me", .anyAccount) { _, context in
            MeDTO(try context.requireActor().account)
        }
        routes.get("users", .signedIn([.admin])) { _, _ in
            UserListDTO(try await store.accounts.list())
        }
    }

    static let registrationFields = ["organizationName", "unifiedSocialCreditCode", "contactName", "email", "phone", "password"]
}

extension AppRequestContext {
    /// The actor a signed-in route was promised by its `Access`.
    func requireActor() throws -> Actor {
        guard let actor else {
            throw APIError(status: .unauthorized, code: "unauthorized", message: "Sign in first.")
        }
        return actor
    }
}
