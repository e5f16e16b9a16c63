import HTTPTypes
import Hummingbird

/// Puts the client's real address and scheme in the context, first thing: behind a
/// trusted proxy from its headers, otherwise from the connection (a client's own
/// `X-Forwarded-For` is ignored). Every later use — throttles, audit, cookies, HSTS —
/// reads the context.
struct ClientOriginMiddleware: RouterMiddleware {
    let proxies: TrustedProxies
    /// This server speaks TLS itself.
    let servesTLS: Bool

    func handle(_ request: Request, context: AppRequestContext,
                next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        context.origin = proxies.origin(
            peer: context.origin.address, overTLS: servesTLS, forwarded: request.headers[.forwarded],
            xForwardedFor: request.headers[.xForwardedFor], xForwardedProto: request.headers[.xForwardedProto])
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static let forwarded = Self("Forwarded")!
    static let xForwardedFor = Self("X-Forwarded-For")!
    static let xForwardedProto = Self("X-Forwarded-Proto")!
}
