import CredenceCore
import CredenceStore
import Hummingbird
import Plot
import Synchronization

/// The live catalog every request reads, held in memory and replaced whole when it changes,
/// with the registry of issuing bodies read once per catalog version. Answers rendered from
/// it are kept in a `RenderCache` tagged with the catalog's generation, so none is ever stale.
public final class CatalogState: Sendable {
    private struct Held {
        var snapshot: CatalogSnapshot
        /// Counts reloads: something made from an older snapshot is answered, not kept.
        var generation = 0
        /// Read once per catalog version: a change to a body's channel bumps the version
        /// like an edition change does.
        var registry: IssuingBodyRegistry?
        /// Where each benefit is claimed, read with the catalog and encoded once, with the
        /// rest of a benefits answer's fixed bytes.
        var answer: EncodedBenefitAnswer
    }

    private let held: Mutex<Held>
    /// Queries whose answer, as this catalog version made it, found little (issue 34): a
    /// cached answer is not remade, so the search that made it says so here.
    private let weakSearches = Mutex<Set<String>>([])
    /// Public answers and anonymous pages made from the catalog.
    let renders = RenderCache()

    public init(_ catalog: Catalog, routes: BenefitRoutes = .none) {
        held = Mutex(Held(snapshot: CatalogSnapshot(catalog: catalog), answer: EncodedBenefitAnswer(routes)))
    }

    /// Read from the store: the catalog and the benefits' routes.
    public static func load(from store: Store) async throws -> CatalogState {
        CatalogState(try await store.loadCatalog(), routes: try await store.benefitRoutes.all())
    }

    public var current: CatalogSnapshot {
        held.withLock { $0.snapshot }
    }

    /// Re-reads the catalog from the store and swaps it in.
    public func reload(from store: Store) async throws {
        let fresh = CatalogSnapshot(catalog: try await store.loadCatalog())
        let answer = EncodedBenefitAnswer(try await store.benefitRoutes.all())
        held.withLock { $0 = Held(snapshot: fresh, generation: $0.generation + 1, answer: answer) }
        weakSearches.withLock { $0.removeAll() }
    }

    /// Whether any edition, drafts included, holds the entry: what a dossier and its notes may be about.
    func holdsEntry(_ id: String) -> Bool {
        let catalog = current.catalog
        return catalog.editions.contains { catalog.entries(of: $0.id)?.contains { $0.id == id } == true }
    }

    /// Notes what a search found, when it made its answer.
    func answered(_ query: String, _ hits: [SearchHit]) {
        guard SearchDemand.isWeak(hits), let text = SearchDemand.normalized(query) else { return }
        weakSearches.withLock { _ = $0.insert(text) }
    }

    /// Records a public search that found little, in the background: the week's tag of the
    /// visitor's network (`NetworkPrefix`), never the address.
    func searched(_ query: String, _ request: Request, _ context: AppRequestContext, store: Store) {
        guard let text = SearchDemand.normalized(query), weakSearches.withLock({ $0.contains(text) }) else { return }
        let address = context.remoteAddress
        Task { await store.demand.recordMiss(query: text, address: address) }
    }

    /// Where each benefit is claimed, as of the catalog version held.
    public var routes: EncodedBenefitRoutes {
        held.withLock { $0.answer.routes }
    }

    /// A benefits answer's bytes, evaluated and written from one catalog version (the words
    /// kept for a version are only ever made from it).
    func benefitsAnswer(_ profile: BenefitProfile, edition: String?, includingDrafts: Bool, wholeRoutes: Bool = false) throws -> ByteBuffer {
        let (snapshot, answer) = held.withLock { ($0.snapshot, $0.answer) }
        return answer.write(try snapshot.catalog.evaluateBenefits(profile, edition: edition, includingDrafts: includingDrafts),
                            wholeRoutes: wholeRoutes)
    }

    /// The body that issues an entry's certificates, from the registry held here.
    func issuingBody(for entryId: String, from store: Store) async throws -> IssuingBody {
        try await registry(from: store).body(for: entryId)
    }

    /// The registry of issuing bodies, read once per catalog version.
    public func registry(from store: Store) async throws -> IssuingBodyRegistry {
        let (generation, cached) = held.withLock { ($0.generation, $0.registry) }
        if let cached { return cached }
        let fresh = try await store.verifications.issuingBodyRegistry()
        held.withLock { if $0.generation == generation { $0.registry = fresh } }
        return fresh
    }

    /// The JSON answer for `key`, encoded once per catalog snapshot.
    func cachedJSON(_ key: String, _ make: (CatalogSnapshot) throws -> some Encodable) throws -> Response {
        try cached(key, contentType: "application/json; charset=utf-8") { ByteBuffer(bytes: try APIJSON.encode(try make($0))) }
    }

    /// A page as an anonymous visitor sees it, rendered once per catalog snapshot, language
    /// and address. Only for pages made from the catalog alone: a signed-in visitor's page
    /// names the account, and a page carrying the visitor's CSRF token is never kept.
    func cachedPage(_ page: PageContext, _ render: (CatalogSnapshot) throws -> HTML) throws -> Response {
        guard page.account == nil else { return Response.html(try render(current)) }
        return try cached("page \(page.language) \(page.currentURL)", contentType: "text/html; charset=utf-8", keep: { html in
            page.csrf?.wasUsed != true
        }) { ByteBuffer(string: try render($0).render()) }
    }

    private func cached(_ key: String, contentType: String, keep: (ByteBuffer) -> Bool = { _ in true },
                        _ make: (CatalogSnapshot) throws -> ByteBuffer) throws -> Response {
        let (snapshot, generation) = held.withLock { ($0.snapshot, $0.generation) }
        let buffer: ByteBuffer
        if let hit = renders.answer(key, generation: generation) {
            buffer = hit
        } else {
            buffer = try make(snapshot)
            if keep(buffer) { renders.keep(buffer, for: key, generation: generation) }
        }
        return Response(status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: buffer))
    }
}
