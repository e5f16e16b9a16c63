import CredenceCore
import CredenceStore
import Hummingbird
import Plot
import Synchronization

/// The catalog every request reads, held in memory and replaced whole when it changes,
/// with what is made from it alone: encoded public answers, anonymous pages, and the
/// registry of issuing bodies. All of it is replaced together, so none of it is ever stale.
public final class CatalogState: Sendable {
    private struct Held {
        var snapshot: CatalogSnapshot
        /// Counts reloads: something made from an older snapshot is answered, not kept.
        var generation = 0
        /// Encoded answers and pages by key; bounded by count and by bytes (cleared when
        /// either would be passed).
        var answers: [String: ByteBuffer] = [:]
        var answerBytes = 0
        /// Read once per catalog version: a change to a body's channel bumps the version
        /// like an edition change does.
        var registry: IssuingBodyRegistry?
    }

    private let held: Mutex<Held>
    static let maxCached = 2_000
    /// Every kept answer together, keys included: 400 pages under made-up 78 KB queries
    /// once added 135 MB when only the count was bounded.
    static let maxCachedBytes = 16 * 1024 * 1024
    /// A key longer than any real address (a long query) is answered, never kept.
    static let maxKeyBytes = 512

    public init(_ catalog: Catalog) {
        held = Mutex(Held(snapshot: CatalogSnapshot(catalog: catalog)))
    }

    public var current: CatalogSnapshot {
        held.withLock { $0.snapshot }
    }

    /// Re-reads the catalog from the store and swaps it in.
    public func reload(from store: Store) async throws {
        let fresh = CatalogSnapshot(catalog: try await store.loadCatalog())
        held.withLock { $0 = Held(snapshot: fresh, generation: $0.generation + 1) }
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

    /// Bytes the kept answers take (keys included).
    var cachedBytes: Int { held.withLock { $0.answerBytes } }

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
            page.csrfToken.isEmpty || html.readableBytesView.firstRange(of: page.csrfToken.utf8) == nil
        }) { ByteBuffer(string: try render($0).render()) }
    }

    private func cached(_ key: String, contentType: String, keep: (ByteBuffer) -> Bool = { _ in true },
                        _ make: (CatalogSnapshot) throws -> ByteBuffer) throws -> Response {
        let (snapshot, generation, hit) = held.withLock { ($0.snapshot, $0.generation, $0.answers[key]) }
        let buffer = try hit ?? make(snapshot)
        if hit == nil, key.utf8.count <= Self.maxKeyBytes, keep(buffer) {
            let size = key.utf8.count + buffer.readableBytes
            held.withLock { held in
                guard held.generation == generation, size <= Self.maxCachedBytes else { return }
                if held.answers.count >= Self.maxCached || held.answerBytes + size > Self.maxCachedBytes {
                    held.answers.removeAll(keepingCapacity: true)
                    held.answerBytes = 0
                }
                if held.answers.updateValue(buffer, forKey: key) == nil { held.answerBytes += size }
            }
        }
        return Response(status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: buffer))
    }
}
