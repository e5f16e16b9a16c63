import CredenceCore
import CredenceStore
import Hummingbird
import Logging
import NIOCore

/// Turns every error into an answer the caller can read: the API's JSON error body for
/// `/api`, `/healthz` and the other machine routes, an error page for people. A database
/// outage is a 503 with Retry-After (`StoreUnavailable`). Anything unexpected is logged and
/// answered with a plain 500 that shows no internals. A known address asked with a method
/// it does not answer is a 405 with `Allow`.
struct ErrorAnswers {
    typealias Context = AppRequestContext
    let allowedMethods: AllowedMethods
    let renderPage: @Sendable (APIError, Request) -> Response

    /// The answer to a request whose handling threw `error` (matched by the catch clauses).
    func answer(_ error: any Error, to request: Request, _ context: Context) -> Response {
        do {
            throw error
        } catch let error as APIError {
            return respond(error, to: request)
        } catch let error as any DescribedError {
            return respond(APIError(error), to: request)
        } catch let error as ImportRejected {
            let body = ImportErrorBody(
                error: .init(code: "invalid_rows", message: error.message ?? "\(error.total) problems in the file; nothing was imported.",
                             field: nil),
                rows: error.rows.map { .init(row: $0.row, field: $0.field, why: $0.why) }, total: error.total)
            if Self.isMachineRoute(request.uri.path) {
                return (try? Response.json(body, status: .unprocessableContent)) ?? Response(status: .unprocessableContent)
            }
            return respond(APIError(status: .unprocessableContent, code: "invalid_rows",
                                    message: error.rows.prefix(20).map { "row \($0.row)\($0.field.map { " \($0)" } ?? ""): \($0.why)" }
                                        .joined(separator: "; ")), to: request)
        } catch let error as SignInRequired {
            let next = error.next.map { "?next=" + $0.queryEncoded } ?? ""
            return Response(status: .seeOther, headers: [.location: "/sign-in" + next])
        } catch is NIOTooManyBytesError {
            return respond(
                APIError(status: .contentTooLarge, code: "too_large", message: "The request body is larger than this route accepts."),
                to: request)
        } catch let error as HTTPError where error.status == .notFound && context.endpointPath == "NotFound" {
            // The router found no handler: the path may still be known under other methods.
            guard let allow = allowedMethods.allow(for: request.uri.path) else {
                return respond(.notFound("Nothing at \(request.uri.path)."), to: request)
            }
            var error = APIError(status: .methodNotAllowed, code: "method_not_allowed",
                                 message: "\(request.uri.path) does not answer \(request.method.rawValue); it answers \(allow).")
            error.localized = BilingualText(zh: "此地址不接受 \(request.method.rawValue) 请求，可用：\(allow)。", en: error.message)
            var response = respond(error, to: request)
            response.headers[.allow] = allow
            return response
        } catch let error as HTTPError {
            let apiError = APIError(
                status: error.status, code: error.status == .notFound ? "not_found" : "http_\(error.status.code)",
                message: error.body ?? (error.status == .notFound
                    ? "Nothing at \(request.uri.path)." : error.status.reasonPhrase))
            return respond(apiError, to: request)
        } catch {
            if let outage = StoreUnavailable(error) {
                context.logger.warning("database unavailable", metadata: ["error": "\(String(reflecting: error))"])
                return respond(APIError(outage), to: request)
            }
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return respond(
                APIError(status: .internalServerError, code: "internal", message: "Something went wrong on our side."),
                to: request)
        }
    }

    private func respond(_ error: APIError, to request: Request) -> Response {
        var response = Self.isMachineRoute(request.uri.path)
            ? (try? Response.json(error.body, status: error.status)) ?? Response(status: error.status)
            : renderPage(error, request)
        if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
        if error.status == .unauthorized, Self.isMachineRoute(request.uri.path) {
            response.headers[.wwwAuthenticate] = "Bearer"
        }
        return response
    }

    static func isMachineRoute(_ path: String) -> Bool {
        path.hasPrefix("/api/") || path == "/api" || path == "/healthz" || path == "/metrics"
            || path.hasPrefix("/openapi.")
    }
}
