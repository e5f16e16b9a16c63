import CredenceCore
import Foundation
import Hummingbird

/// The per-request context: Hummingbird's core storage, who is asking (set by
/// `Authentication`), from where, the form token of this browser, and our JSON
/// encoder so handlers can return API values directly.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account and how it signed in; nil for anonymous requests.
    public var actor: Actor?
    /// Who is asking and whether over TLS: the peer, until `RequestFacts` has read
    /// a trusted proxy's headers.
    public var origin: ClientOrigin
    /// The client's IP address: what the throttles, the audit log and sign-in records use.
    public var remoteAddress: String { origin.address }
    /// This browser's CSRF token (the `credence_csrf` cookie, or one minted when a form needs it).
    public var csrf: CSRFToken?
    /// Where the request goes, read from its path once (`RequestFacts`).
    public var area = RequestArea.unread

    public init(source: Source) {
        coreContext = .init(source: source)
        origin = ClientOrigin(address: source.channel.remoteAddress?.ipAddress ?? "unknown", isSecure: false)
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

extension AppRequestContext {
    /// A path parameter as the person wrote it: percent-decoding undone (the router gives
    /// the raw segment; " TJ-…" arrives as "%20TJ-…"), at most `limit` characters.
    func pathText(_ name: String, limit: Int = 64) throws -> String {
        let raw = try parameters.require(name)
        return String((raw.removingPercentEncoding ?? raw).prefix(limit))
    }
}
