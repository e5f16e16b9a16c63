import Dispatch
import Hummingbird
import Metrics
import Synchronization

/// Request counts and durations per route, as the series Hummingbird's `MetricsMiddleware`
/// names them (`hb_requests`, `http_server_request_duration`, `hb_request_errors`), at less
/// cost: that middleware wraps every response body in a closure holding a copy of the request
/// and its context, and moves an active-requests gauge twice a request. Without it
/// `/_bench/hello` ran at 0.85–1.00 of the same-work reference, with it 0.59–0.75
/// (issue 35, same run). The duration is the handler's: Credence's answers are written
/// from memory once the handler returns.
struct RequestMetrics {
    private let series = SeriesCache()

    static func start() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Counts the answer; an error answer (4xx, 5xx) counts as an error too.
    func record(_ status: HTTPResponse.Status, _ request: Request, _ context: AppRequestContext, since start: UInt64) {
        let series = series.of(context.endpointPath ?? "NotFound", request.method, status)
        series.record(nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
        if status.code >= 400 { series.errors.increment() }
    }
}

/// Each (route, method, status)'s metrics, made on first use.
private final class SeriesCache: Sendable {
    struct Key: Hashable {
        let endpoint: String
        let method: HTTPRequest.Method
        let status: Int
    }

    struct Series: Sendable {
        let requests: Counter
        let duration: Metrics.Timer
        let errors: Counter

        init(_ key: Key) {
            let dimensions = [("http.route", key.endpoint), ("http.request.method", key.method.rawValue)]
            let status = String(key.status)
            requests = Counter(label: "hb.requests", dimensions: dimensions + [("http.response.status_code", status)])
            duration = Metrics.Timer(label: "http.server.request.duration", dimensions: dimensions + [("http.response.status_code", status)],
                                     preferredDisplayUnit: .seconds)
            errors = Counter(label: "hb.request.errors", dimensions: dimensions + [("error.type", status)])
        }

        func record(nanoseconds: UInt64) {
            requests.increment()
            duration.recordNanoseconds(Int64(clamping: nanoseconds))
        }
    }

    private let made = Mutex<[Key: Series]>([:])

    func of(_ endpoint: String, _ method: HTTPRequest.Method, _ status: HTTPResponse.Status) -> Series {
        let key = Key(endpoint: endpoint, method: method, status: status.code)
        return made.withLock { made in
            if let series = made[key] { return series }
            let series = Series(key)
            made[key] = series
            return series
        }
    }
}
