import CredenceCore
import CredenceStore
import Synchronization

/// The catalog every request reads, held in memory and replaced whole when it changes.
public final class CatalogState: Sendable {
    private let snapshot: Mutex<CatalogSnapshot>

    public init(_ catalog: Catalog) {
        snapshot = Mutex(CatalogSnapshot(catalog: catalog))
    }

    public var current: CatalogSnapshot {
        snapshot.withLock { $0 }
    }

    /// Re-reads the catalog from the store and swaps it in.
    public func reload(from store: Store) async throws {
        let fresh = CatalogSnapshot(catalog: try await store.loadCatalog())
        snapshot.withLock { $0 = fresh }
    }
}
