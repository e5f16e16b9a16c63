import CredenceCore
import CredenceStore
import Hummingbird
import Logging

/// The one composition root: the server, the CLI's `serve` and the tests all build the
/// application here. Opens (and migrates) the store, loads the catalog, builds the router.
public func buildApplication(_ configuration: AppConfiguration) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "credence")
    logger.logLevel = configuration.logLevel
    let store = try await Store.open(configuration.store, logger: logger, passwords: PasswordHasher(cost: configuration.passwordCost),
                                     clock: configuration.clock)
    let state: CatalogState
    do {
        state = CatalogState(try await store.loadCatalog())
    } catch {
        await store.close()
        throw error
    }
    let router = try buildRouter(store: store, state: state, benchmarkRoutes: configuration.benchmarkRoutes)
    return Application(
        router: router,
        configuration: .init(
            address: .hostname(configuration.hostname, port: configuration.port), serverName: "Credence"),
        services: [StoreService(store: store), WebhookDelivery(store: store, logger: logger),
                   CatalogRefresher(store: store, state: state, logger: logger)],
        logger: logger)
}

/// Every route, grouped as the product is: machine endpoints, the JSON API, the pages.
public func buildRouter(store: Store, state: CatalogState, access: AccessTable = AccessTable(), benchmarkRoutes: Bool = false) throws
    -> Router<AppRequestContext>
{
    let router = Router(context: AppRequestContext.self)
    _ = Observability.registry
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware { error, request in
        Response.html(ErrorPage.render(PageContext(request), error: error), status: error.status)
    })
    router.add(middleware: AuthenticationMiddleware(store: store))
    router.add(middleware: CSRFCookieMiddleware())
    let routes = Routes(router, table: access)

    do {  // machine endpoints
        routes.get("healthz", .anyone) { _, _ -> Response in
            do {
                try await store.ping()
                return try Response.json(HealthDTO(status: "ok"), status: .ok)
            } catch {
                throw APIError(status: .serviceUnavailable, code: "database_unavailable", message: "The database does not answer.")
            }
        }
        routes.get("metrics", .anyone) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: Observability.exposition())))
        }
        if benchmarkRoutes {
            // The load test's reference: the same middleware, no work.
            routes.get("_bench/hello", .anyone) { _, _ in "hello" }
        }
        OpenAPIDocument.addRoutes(to: routes)
        StaticFiles.addRoutes(to: routes)
    }
    do {  // JSON API
        let api = routes.group("api/v1")
        CatalogAPIController(state: state).addRoutes(to: api)
        BenefitsAPIController(state: state).addRoutes(to: api)
        AccountsAPIController(store: store).addRoutes(to: api)
        VerificationAPIController(store: store, state: state).addRoutes(to: api)
        EditionsAPIController(store: store, state: state).addRoutes(to: api)
    }
    do {  // web pages
        WebController(state: state, notice: Notice(text: try BundledData.noticeText())).addRoutes(to: routes)
        AccountWebController(store: store).addRoutes(to: routes)
        VerificationWebController(store: store, state: state).addRoutes(to: routes)
        EditionsWebController(store: store, state: state).addRoutes(to: routes)
    }
    return router
}
