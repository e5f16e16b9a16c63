/// Everything published about the catalog at one moment: editions, their entries and
/// the zones. Immutable, so it can be shared by every request; a change makes a new one.
public struct Catalog: Sendable {
    /// Newest first by issue date, then by id.
    public let editions: [Edition]
    public let zones: [Zone]
    private let entriesByEdition: [String: [Entry]]
    /// Edition id → entry id → entry: the lookup every benefits evaluation makes.
    private let entryIndex: [String: [String: Entry]]

    public init(editions: [Edition], entries: [Entry], zones: [Zone]) {
        self.editions = editions.sorted {
            ($0.issuedOn?.description ?? "9999", $0.id) > ($1.issuedOn?.description ?? "9999", $1.id)
        }
        self.zones = zones.sorted { ($0.kind.sortKey, $0.id) < ($1.kind.sortKey, $1.id) }
        self.entriesByEdition = Dictionary(grouping: entries, by: \.edition).mapValues {
            $0.sorted { ($0.seq, $0.id) < ($1.seq, $1.id) }
        }
        self.entryIndex = entriesByEdition.mapValues { entries in
            Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The edition in force: the one every read uses unless told otherwise.
    public var inForce: Edition? {
        editions.first { $0.status == .inForce }
    }

    public func edition(_ id: String) -> Edition? {
        editions.first { $0.id == id }
    }

    /// The entries of an edition in seq order; nil when there is no such edition.
    public func entries(of editionID: String) -> [Entry]? {
        guard edition(editionID) != nil else { return nil }
        return entriesByEdition[editionID] ?? []
    }

    public func zone(_ id: String) -> Zone? {
        zones.first { $0.id == id }
    }

    /// Resolves the edition a read asks for: the named one, or the one in force.
    public func resolveEdition(_ id: String?) throws(CatalogError) -> Edition {
        if let id {
            guard let edition = edition(id) else { throw .unknownEdition(id) }
            return edition
        }
        guard let edition = inForce else { throw .noEditionInForce }
        return edition
    }

    /// The entry with this id in a known edition, or nil: the lookup without the checks.
    public func entry(_ id: String, inEdition editionID: String) -> Entry? {
        entryIndex[editionID]?[id]
    }

    public func entry(_ id: String, edition editionID: String? = nil) throws(CatalogError) -> Entry {
        let edition = try resolveEdition(editionID)
        guard let entry = entryIndex[edition.id]?[id] else {
            throw .unknownEntry(id, edition: edition.id)
        }
        return entry
    }
}

extension ZoneKind {
    fileprivate var sortKey: Int { ZoneKind.allCases.firstIndex(of: self) ?? 0 }
}

/// A filter over an edition's entries (the catalog page and `GET /api/v1/entries`).
public struct EntryFilter: Sendable, Equatable {
    public var field: ProfessionalField?
    /// Matches the region's Chinese or English name, ignoring case; `none` matches
    /// entries whose region the notice leaves blank.
    public var region: String?

    public init(field: ProfessionalField? = nil, region: String? = nil) {
        self.field = field
        self.region = region
    }

    public static let blankRegion = "none"

    public func matches(_ entry: Entry) -> Bool {
        if let field, !entry.fields.contains(field) { return false }
        if let region {
            guard let entryRegion = entry.region else { return region.lowercased() == Self.blankRegion }
            let wanted = region.lowercased()
            return entryRegion.zh == region || entryRegion.en.lowercased() == wanted
        }
        return true
    }
}

/// What a catalog read can fail on; each case names what was asked for.
public enum CatalogError: Error, Equatable, Sendable {
    case unknownEdition(String)
    case unknownEntry(String, edition: String)
    case noEditionInForce
}
