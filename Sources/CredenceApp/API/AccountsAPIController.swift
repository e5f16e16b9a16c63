import CredenceCore
import CredenceStore
import Hummingbird

/// `/api/v1` accounts: employer registration, tokens, who am I, the user list.
struct AccountsAPIController {
    let store: Store

    func addRoutes(to routes: Routes) {
        routes.post("employers", .anyone, use: register)
        routes.post("tokens", .anyone, use: issueToken)
        routes.delete("tokens/current", .anyAccount, use: revokeToken)
        routes.get("me", .anyAccount, use: me)
        routes.get("users", .signedIn([.admin]), use: users)
        routes.on(.put, "notifications", .signedIn([.employer]), use: setNotifications)
    }

    /// `{"email": bool}`: whether the employer gets email on its requests' changes.
    @Sendable func setNotifications(_ request: Request, _ context: AppRequestContext) async throws -> NotificationsDTO {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["email"])
        guard case .bool(let email)? = body.value("email") else { throw body.invalid("email", "email is required: true or false.") }
        let account = try context.requireActor().account
        try await store.mails.setNotifications(email, for: account)
        return NotificationsDTO(email: email)
    }

    @Sendable func revokeToken(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        if let actor = context.actor, case Actor.Credential.token(let id) = actor.credential {
            try await store.accounts.revokeToken(id, by: actor.account)
        }
        return Response(status: .noContent)
    }

    @Sendable func register(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
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

    @Sendable func issueToken(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
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

    @Sendable func me(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        MeDTO(try context.requireActor().account)
    }

    @Sendable func users(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        UserListDTO(try await store.accounts.list())
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

struct NotificationsDTO: ResponseEncodable, Sendable {
    var email: Bool
}
