import CredenceCore
import Hummingbird

/// A retired entry with its reason (null in a diff where the newer edition recorded none).
struct RetiredDTO: Encodable, Sendable {
    var entry: EntryDTO
    var reason: String?
    var note: String?

    enum CodingKeys: String, CodingKey { case entry, reason, note }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entry, forKey: .entry)
        try c.encode(reason, forKey: .reason)
        try c.encode(note, forKey: .note)
    }
}

/// `GET /api/v1/editions/{a}/diff/{b}` (contract.md, "Editions").
public struct DiffDTO: Encodable, Sendable {
    struct Change: Encodable, Sendable {
        var field: String
        var from: JSONValue
        var to: JSONValue
    }

    struct Changed: Encodable, Sendable {
        var id: String
        var changes: [Change]
    }

    var from: String
    var to: String
    var added: [EntryDTO]
    var retired: [RetiredDTO]
    var changed: [Changed]

    public init(_ diff: EditionDiff) {
        from = diff.from
        to = diff.to
        added = diff.added.map(EntryDTO.init)
        retired = diff.retired.map { RetiredDTO(entry: EntryDTO($0.entry), reason: $0.reason?.rawValue, note: $0.note) }
        changed = diff.changed.map { Changed(id: $0.id, changes: $0.changes.map { Change(field: $0.field, from: $0.from, to: $0.to) }) }
    }
}

/// `GET /api/v1/entries/{id}/history`.
struct HistoryDTO: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var edition: String
        var status: String
        var entry: EntryDTO?
        var retired: RetiredNote?

        enum CodingKeys: String, CodingKey { case edition, status, entry, retired }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(edition, forKey: .edition)
            try c.encode(status, forKey: .status)
            try c.encode(entry, forKey: .entry)
            try c.encode(retired, forKey: .retired)
        }
    }

    struct RetiredNote: Encodable, Sendable {
        var reason: String
        var note: String?

        enum CodingKeys: String, CodingKey { case reason, note }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(reason, forKey: .reason)
            try c.encode(note, forKey: .note)
        }
    }

    var id: String
    var editions: [Line]

    init(id: String, lines: [EntryHistoryLine]) {
        self.id = id
        editions = lines.map { line in
            Line(edition: line.edition.id, status: line.edition.status.rawValue, entry: line.entry.map(EntryDTO.init),
                 retired: line.retirement.map { RetiredNote(reason: $0.reason.rawValue, note: $0.note) })
        }
    }
}

/// An edition as open data: the shape of Resources/tianjin-2023.json (catalog-edition.schema.json).
public struct EditionExportDTO: Encodable, Sendable {
    var edition: EditionDTO
    var entries: [EntryDTO]

    public init(edition: Edition, entries: [Entry]) {
        self.edition = EditionDTO(edition, entryCount: entries.count)
        self.entries = entries.map { entry in
            var dto = EntryDTO(entry)
            dto.withKeywords = true
            return dto
        }
    }
}

struct ZoneDTO: Encodable, Sendable {
    var id: String
    var name: BilingualText
    var kind: ZoneKind

    init(_ zone: Zone) {
        id = zone.id
        name = zone.name
        kind = zone.kind
    }
}

struct ImportErrorBody: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        var row: Int
        var field: String?
        var why: String

        enum CodingKeys: String, CodingKey { case row, field, why }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(row, forKey: .row)
            try c.encode(field, forKey: .field)
            try c.encode(why, forKey: .why)
        }
    }

    var error: ErrorBody.Detail
    /// The first `CatalogCSV.RowError.shownAtMost` problems.
    var rows: [Row]
    /// How many problems the file has.
    var total: Int
}

extension RetiredDTO: ResponseEncodable {}
extension DiffDTO: ResponseEncodable {}
extension HistoryDTO: ResponseEncodable {}
extension ZoneDTO: ResponseEncodable {}
