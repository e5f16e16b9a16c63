import Hummingbird

/// The per-request context: Hummingbird's core storage, and our JSON encoder so handlers
/// can return API values directly.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    public var responseEncoder: APIJSONEncoder { APIJSONEncoder() }
}
