import CredenceCore
import CredenceMail
import CredenceStore
import Hummingbird
import Logging
import ServiceLifecycle

/// The one composition root: the server, the CLI's `serve` and the tests all build the
/// application here. Opens (and migrates) the store, loads the catalog, builds the router.
public func buildApplication(_ configuration: AppConfiguration) async throws -> some ApplicationProtocol {
    try await BuiltApplication.build(configuration).application
}

/// The application and the parts a caller may need beside it (tests make accounts in the
/// store and walk the access table).
public struct BuiltApplication {
    public let application: Application<RouterResponder<AppRequestContext>>
    public let store: Store
    public let access: AccessTable
    /// Every route: (method, path) with parameters as `:id`.
    public let routes: [(method: String, path: String)]

    public static func build(_ configuration: AppConfiguration) async throws -> BuiltApplication {
        var logger = Logger(label: "credence")
        logger.logLevel = configuration.logLevel
        // The TLS files are read first: a wrong path stops before the database is touched.
        let server = try configuration.network.serverBuilder()
        let store = try await Store.open(configuration.store, logger: logger,
                                         passwords: PasswordHasher(cost: configuration.passwordCost), clock: configuration.clock)
        do {
            let state = try await CatalogState.load(from: store)
            let access = AccessTable()
            let router = try buildRouter(store: store, state: state, access: access, network: configuration.network,
                                         issuer: configuration.issuer, verification: configuration.verification, logLevel: configuration.logLevel,
                                         benchmarkRoutes: configuration.benchmarkRoutes, retention: configuration.retention,
                                         mailFolder: configuration.smtp == nil ? configuration.mailFolder : nil)
            var services: [any Service] = [StoreService(store: store)]
            if configuration.backgroundWork {
                // Without the watch, verified credentials are never trusted from memory (each
                // request asks the database), so tests that switch background work off do too.
                services += [CredentialWatch(store: store), WebhookDelivery(store: store, logger: logger), CatalogRefresher(store: store, state: state, logger: logger),
                             PeriodicJob.retention(store: store, policy: configuration.retention,
                                                   mailFolder: configuration.smtp == nil ? configuration.mailFolder : nil, logger: logger),
                             PeriodicJob.expiryNotices(store: store, logger: logger)]
                services.append(MailDelivery(store: store, transport: configuration.mailTransport, publicURL: configuration.issuer.publicURL,
                                             entryName: { id, edition in try state.current.catalog.entry(id, edition: edition).name },
                                             logger: logger))
            }
            // Hummingbird prints parameters as {id}; routes are declared with :id.
            let routes = router.routes.map { route in
                (route.method.rawValue, "/" + route.path.components.map(\.description).map { part in
                    part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : part
                }.joined(separator: "/"))
            }
            let application = Application(
                router: router, server: server,
                configuration: .init(address: .hostname(configuration.hostname, port: configuration.port), serverName: "Credence"),
                services: services,
                onServerRunning: { channel in
                    guard let report = configuration.onListening, let address = channel.localAddress else { return }
                    let host = address.ipAddress.map { $0.contains(":") ? "[\($0)]" : $0 } ?? configuration.hostname
                    report("\(configuration.network.tls == nil ? "http" : "https")://\(host):\(address.port ?? configuration.port)")
                },
                logger: logger)
            return BuiltApplication(application: application, store: store, access: access, routes: routes)
        } catch {
            await store.close()
            throw error
        }
    }
}

/// Every route, grouped as the product is: machine endpoints, the JSON API, the pages.
public func buildRouter(store: Store, state: CatalogState, access: AccessTable = AccessTable(), network: NetworkSettings = .init(),
                        issuer: CredentialIssuer = try! .fromEnvironment([:]), verification: VerificationMode = .local, logLevel: Logger.Level = .info, benchmarkRoutes: Bool = false,
                        retention: RetentionPolicy = RetentionPolicy(), mailFolder: MailFolder? = nil) throws -> Router<AppRequestContext>
{
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    let allowedMethods = AllowedMethods()
    if logLevel <= .debug {  // it logs at debug; below that level it would only cost
        router.add(middleware: LogRequestsMiddleware(.debug))
    }
    _ = Observability.registry
    router.add(middleware: RequestPipeline(
        facts: RequestFacts(proxies: network.trustedProxies, servesTLS: network.tls != nil),
        authentication: Authentication(store: store),
        errors: ErrorAnswers(allowedMethods: allowedMethods) { error, request in
            Response.html(ErrorPage.render(PageContext(request), error: error), status: error.status)
        }))
    let installation = Installation(issuer: issuer, verification: verification, mailFolder: mailFolder?.folder.path)
    if verification == .external { router.add(middleware: ExternalVerificationMiddleware(installation: installation)) }
    let routes = Routes(router, table: access)

    do {  // machine endpoints
        routes.get("healthz", .anyone) { _, _ -> Response in
            do {
                try await store.ping()
                return try Response.json(HealthDTO(status: "ok"), status: .ok)
            } catch {
                throw StoreUnavailable(cause: .unreachable)
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
        CredentialsAPIController(store: store, state: state, issuer: issuer).addWellKnownRoutes(to: routes)
    }
    do {  // JSON API
        let api = routes.group("api/v1")
        CatalogAPIController(state: state, store: store).addRoutes(to: api)
        BenefitsAPIController(state: state).addRoutes(to: api)
        BenefitRoutesAPIController(state: state, store: store).addRoutes(to: api)
        SignOffAPIController(store: store, state: state).addRoutes(to: api)
        CatalogReviewAPIController(store: store, state: state).addRoutes(to: api)
        AccountsAPIController(store: store).addRoutes(to: api)
        VerificationAPIController(store: store, state: state).addRoutes(to: api)
        EditionsAPIController(store: store, state: state).addRoutes(to: api)
        VerificationBatchesAPIController(store: store, state: state).addRoutes(to: api)
        CalendarAPIController(store: store).addRoutes(to: api)
        DeskAPIController(store: store).addRoutes(to: api)
        ServiceStandardsAPIController(store: store).addRoutes(to: api)
        CredentialsAPIController(store: store, state: state, issuer: issuer).addRoutes(to: api)
        HolderAPIController(store: store, state: state, retention: retention).addRoutes(to: api)
    }
    do {  // web pages
        let notice = Notice(text: try BundledData.noticeText())
        let translation = try BundledData.noticeTranslation()
        WebController(state: state, store: store, notice: notice, translation: translation,
                      lineages: try BundledData.editionLineages(), installation: installation).addRoutes(to: routes)
        AccountWebController(store: store).addRoutes(to: routes)
        VerificationWebController(store: store, state: state, installation: installation).addRoutes(to: routes)
        IssuingBodiesWebController(store: store, state: state).addRoutes(to: routes)
        BenefitRoutesWebController(store: store, state: state).addRoutes(to: routes)
        CatalogReviewWebController(store: store, state: state).addRoutes(to: routes)
        BenefitsPackWebController(state: state, store: store, notice: notice, translation: translation, issuer: issuer).addRoutes(to: routes)
        PublicCheckWebController(store: store, state: state, installation: installation).addRoutes(to: routes)
        CredentialWebController(store: store, state: state, issuer: issuer, installation: installation).addRoutes(to: routes)
        BatchWebController(store: store, state: state).addRoutes(to: routes)
        EditionsWebController(store: store, state: state).addRoutes(to: routes)
        CalendarWebController(store: store).addRoutes(to: routes)
        ServiceStandardsWebController(store: store).addRoutes(to: routes)
        HolderWebController(store: store, state: state, issuer: issuer, retention: retention).addRoutes(to: routes)
        MailWebController(store: store, folder: mailFolder).addRoutes(to: routes)
        AdminWebController(store: store, mailFolder: mailFolder).addRoutes(to: routes)
        StaffWebController(store: store).addRoutes(to: routes)
    }
    allowedMethods.load(router.routes)
    return router
}
