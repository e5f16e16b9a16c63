/// A catalog with a search index per edition: what every read (page, API, CLI) asks.
/// Built whole and swapped whole, so readers never see a half-updated catalog.
public struct CatalogSnapshot: Sendable {
    public let catalog: Catalog
    private let indexes: [String: SearchIndex]

    public init(catalog: Catalog) {
        self.catalog = catalog
        var indexes: [String: SearchIndex] = [:]
        for edition in catalog.editions {
            indexes[edition.id] = SearchIndex(entries: catalog.entries(of: edition.id) ?? [])
        }
        self.indexes = indexes
    }

    /// The entries of an edition (the one in force unless named) that pass the filter.
    public func entries(edition: String? = nil, filter: EntryFilter = .init()) throws(CatalogError)
        -> (edition: Edition, entries: [Entry])
    {
        let edition = try catalog.resolveEdition(edition)
        return (edition, (catalog.entries(of: edition.id) ?? []).filter(filter.matches))
    }

    public func search(_ query: String, edition: String? = nil, limit: Int = SearchLimit.default)
        throws(CatalogError) -> (edition: Edition, hits: [SearchHit])
    {
        let edition = try catalog.resolveEdition(edition)
        return (edition, indexes[edition.id]?.search(query, limit: limit) ?? [])
    }
}

/// How many search results a caller may ask for.
public enum SearchLimit {
    public static let `default` = 20
    public static let range = 1...100
}
