import Hummingbird

/// Every request's way through Credence, in order, in one layer:
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

    func handle(_ request: Request, context: AppRequestContext,
                next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        let start = RequestMetrics.start()
        var context = context
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
}
