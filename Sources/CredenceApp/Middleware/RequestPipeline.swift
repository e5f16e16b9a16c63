import CredenceWire
import HTTPTypes
import Hummingbird

/// Every request's way through Credence, in order, in one layer:
/// 0. `RequestPath` — the path in its one form (empty segments and dot segments folded, an
///    encoded slash refused), so the router and every rule after it read the same path;
/// 1. `RequestFacts` — who is asking (behind a trusted proxy, from its headers) and where to;
/// 2. `Authentication` — the signed-in account, if a credential holds;
/// 3. `CSRFCookie` — a page's form token, before the handler, and its cookie after;
/// 4. the handler (through the router), or `ErrorAnswers` for whatever it threw;
/// 5. `RequestMetrics` counts the answer, and `ResponseHeaders` adds its headers — to
///    refusals too.
/// One layer, not six: each middleware is an async call that copies the request and its
/// context, and six of them were most of what `/_bench/hello` cost beyond the bare framework
/// (issue 35: with none of them it ran at 0.90–1.12 of the same-work reference, with all six
/// at 0.72–0.77).
struct RequestPipeline: RouterMiddleware {
    let facts: RequestFacts
    let authentication: Authentication
    let errors: ErrorAnswers
    let metrics = RequestMetrics()

    func handle(_ original: Request, context: AppRequestContext,
                next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        let start = RequestMetrics.start()
        var context = context
        let request: Request
        do {
            request = try Self.normalised(original)
        } catch {
            facts.read(original, into: &context)
            var response = errors.answer(error, to: original, context)
            ResponseHeaders.add(to: &response, context)
            return response
        }
        facts.read(request, into: &context)
        var response: Response
        do {
            try await authentication.identify(request, &context)
            CSRFCookie.open(request, &context)
            response = try await next(request, context)
            CSRFCookie.close(&response, context)
        } catch {
            response = errors.answer(error, to: request, context)
        }
        metrics.record(response.status, request, context, since: start)
        ResponseHeaders.add(to: &response, context)
        return response
    }

    /// The request with its path in its one form (the same request when it already was).
    static func normalised(_ request: Request) throws -> Request {
        let full = request.head.path ?? "/"
        let query = full.firstIndex(of: "?")
        let path = full[..<(query ?? full.endIndex)]
        let normal = try RequestPath.normalised(path)
        guard normal != path else { return request }
        var head = request.head
        head.path = String(normal) + (query.map { String(full[$0...]) } ?? "")
        return Request(head: head, body: request.body)
    }
}
