import CredenceCore
import CredenceStore
import Hummingbird
import Synchronization

/// The catalog every request reads, held in memory and replaced whole when it changes.
public final class CatalogState: Sendable {
    private let snapshot: Mutex<CatalogSnapshot>
    /// Encoded answers of public catalog reads, by path and query; emptied with every new
    /// snapshot, so never stale. Bounded: cleared when it holds `maxCached` answers.
    private let answers = Mutex<[String: ByteBuffer]>([:])
    static let maxCached = 2_000

    public init(_ catalog: Catalog) {
        snapshot = Mutex(CatalogSnapshot(catalog: catalog))
    }

    /// The JSON answer for `key`, encoded once per catalog snapshot.
    func cachedJSON(_ key: String, _ make: () throws -> some Encodable) throws -> Response {
        let buffer: ByteBuffer
        if let hit = answers.withLock({ $0[key] }) {
            buffer = hit
        } else {
            buffer = ByteBuffer(bytes: try APIJSON.encode(try make()))
            answers.withLock { cache in
                if cache.count >= Self.maxCached { cache.removeAll(keepingCapacity: true) }
                cache[key] = buffer
            }
        }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: buffer))
    }

    public var current: CatalogSnapshot {
        snapshot.withLock { $0 }
    }

    /// Re-reads the catalog from the store and swaps it in.
    public func reload(from store: Store) async throws {
        let fresh = CatalogSnapshot(catalog: try await store.loadCatalog())
        snapshot.withLock { $0 = fresh }
        answers.withLock { $0.removeAll() }
    }
}
