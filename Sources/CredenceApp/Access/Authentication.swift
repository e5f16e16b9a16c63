import CredenceStore
import Hummingbird

/// Finds out who is asking. The API accepts only `Authorization: Bearer`, the pages only
/// the session cookie — so a page's cookie can never be used to call the API from another
/// site. An unknown, expired or revoked credential is simply anonymous; routes that need
/// someone say so through their `Access`.
struct Authentication {
    let store: Store

    /// Sets `context.actor` when the request carries a credential that holds.
    func identify(_ request: Request, _ context: inout AppRequestContext) async throws {
        // No credential sent (most reads): nothing to look up, not even a database handle.
        if context.area.isMachine {
            if let token = request.bearerToken, let (account, id) = try await store.accounts.account(forToken: token) {
                context.actor = Actor(account: account, credential: .token(id))
            }
        } else if let secret = request.cookies[Cookies.session]?.value, !secret.isEmpty,
                  let account = try await store.accounts.account(forSession: secret)
        {
            context.actor = Actor(account: account, credential: .session(secret))
        }
    }
}

extension Request {
    /// The token of `Authorization: Bearer <token>`, if that is how the request authenticates.
    var bearerToken: String? {
        guard let value = headers[.authorization] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty || token.count > 200 ? nil : token
    }
}
