import CredenceCore
import FluentKit

extension Store {
    /// Reads every edition, entry and zone into one immutable snapshot.
    public func loadCatalog() async throws -> Catalog {
        let db = database
        async let editions = EditionRecord.query(on: db).all()
        async let entries = EntryRecord.query(on: db).all()
        async let zones = ZoneRecord.query(on: db).all()
        return Catalog(
            editions: try await editions.map { try $0.edition() },
            entries: try await entries.map { try $0.entry() },
            zones: try await zones.map { try $0.zone() })
    }

    /// Answers once the database does: what `/healthz` asks.
    public func ping() async throws {
        _ = try await EditionRecord.query(on: database).count()
    }
}
