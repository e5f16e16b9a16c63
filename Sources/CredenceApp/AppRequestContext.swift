import CredenceCore
import Foundation
import Hummingbird

/// The per-request context: Hummingbird's core storage, who is asking (set by
/// `AuthenticationMiddleware`), from where, the form token of this browser, and our JSON
/// encoder so handlers can return API values directly.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account and how it signed in; nil for anonymous requests.
    public var actor: Actor?
    /// The peer's IP address: what the sign-in throttle counts per address.
    public let remoteAddress: String
    /// This browser's CSRF token (the `credence_csrf` cookie), for the forms a page renders.
    public var csrfToken: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    public var responseEncoder: APIJSONEncoder { APIJSONEncoder() }
}

/// A signed-in account and the credential it used.
public struct Actor: Sendable {
    public enum Credential: Sendable {
        /// The web: the session cookie's value.
        case session(String)
        /// The API: the bearer token's id.
        case token(UUID)
    }

    public var account: Account
    public var credential: Credential
}
