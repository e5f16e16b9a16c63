import HTTPTypes
import Hummingbird

/// First thing (`RequestPipeline`), reads what every later step needs to know about a request, once: the
/// client's real address and scheme (behind a trusted proxy from its headers, otherwise
/// from the connection — a client's own `X-Forwarded-For` is ignored) and where the
/// request goes (`RequestArea`). Throttles, audit, cookies, HSTS, the error format, the
/// credential read and the CSRF check all read the context, not the headers or the path
/// again (each read of the path makes a new string: four a request before, issue 35).
struct RequestFacts {
    let proxies: TrustedProxies
    /// This server speaks TLS itself.
    let servesTLS: Bool

    func read(_ request: Request, into context: inout AppRequestContext) {
        if proxies.isEmpty {
            context.origin.isSecure = servesTLS
        } else {
            context.origin = proxies.origin(
                peer: context.origin.address, overTLS: servesTLS, forwarded: request.headers[.forwarded],
                xForwardedFor: request.headers[.xForwardedFor], xForwardedProto: request.headers[.xForwardedProto])
        }
        context.area = RequestArea(path: request.uri.path)
    }
}

/// Where a request goes: the machine routes (`/api`, `/healthz`, `/metrics`, the OpenAPI
/// document) answer errors in JSON and take bearer tokens, not cookies or form tokens; the
/// holder's own pages and API are never cached or indexed (issue 31).
public struct RequestArea: Sendable, Equatable {
    public var isMachine: Bool
    public var isHolder: Bool

    init(path: String) {
        isMachine = ErrorAnswers.isMachineRoute(path)
        isHolder = path.hasPrefix("/holder/") || path.hasPrefix("/api/v1/holder/")
    }

    /// Before `RequestFacts` has read the path.
    static let unread = RequestArea(path: "")
}

extension HTTPField.Name {
    static let forwarded = Self("Forwarded")!
    static let xForwardedFor = Self("X-Forwarded-For")!
    static let xForwardedProto = Self("X-Forwarded-Proto")!
}
