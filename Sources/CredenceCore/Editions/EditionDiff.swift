/// How one edition's entries differ from another's: added, retired (with the reason the
/// newer edition records), changed field by field. Entries are matched by id, which stays
/// the same across editions for the same qualification.
public struct EditionDiff: Sendable, Equatable {
    public var from: String
    public var to: String
    public var added: [Entry]
    public var retired: [Retired]
    public var changed: [Changed]

    public struct Retired: Sendable, Equatable {
        public var entry: Entry
        public var reason: RetirementReason?
        public var note: String?
    }

    public struct Changed: Sendable, Equatable {
        public var id: String
        public var changes: [FieldChange]
    }

    public struct FieldChange: Sendable, Equatable {
        public var field: String
        public var from: JSONValue
        public var to: JSONValue
    }

    /// `retirements` are those recorded in the newer edition (`b`).
    public init(from a: String, to b: String, old: [Entry], new: [Entry], retirements: [Retirement]) {
        from = a
        to = b
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newByID = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        added = new.filter { oldByID[$0.id] == nil }
        retired = old.filter { newByID[$0.id] == nil }.map { entry in
            let record = retirements.first { $0.entry.id == entry.id }
            return Retired(entry: entry, reason: record?.reason, note: record?.note)
        }
        changed = new.compactMap { entry in
            guard let before = oldByID[entry.id] else { return nil }
            let changes = Self.fields(before, entry)
            return changes.isEmpty ? nil : Changed(id: entry.id, changes: changes)
        }
    }

    /// The fields that differ, with their values as the API writes them.
    static func fields(_ a: Entry, _ b: Entry) -> [FieldChange] {
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func list(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
        let pairs: [(String, JSONValue, JSONValue)] = [
            ("seq", .number(Double(a.seq)), .number(Double(b.seq))),
            ("name.zh", text(a.name.zh), text(b.name.zh)), ("name.en", text(a.name.en), text(b.name.en)),
            ("abbreviations", list(a.abbreviations), list(b.abbreviations)),
            ("region.zh", text(a.region?.zh), text(b.region?.zh)), ("region.en", text(a.region?.en), text(b.region?.en)),
            ("issuer.zh", text(a.issuer.zh), text(b.issuer.zh)), ("issuer.en", text(a.issuer.en), text(b.issuer.en)),
            ("fields", list(a.fields.map(\.rawValue)), list(b.fields.map(\.rawValue))),
            ("remarks.zh", text(a.remarks.zh), text(b.remarks.zh)), ("remarks.en", text(a.remarks.en), text(b.remarks.en)),
            ("titleLevel", text(a.titleLevel?.rawValue), text(b.titleLevel?.rawValue)),
            ("minExperienceYears", a.minExperienceYears.map { .number(Double($0)) } ?? .null,
             b.minExperienceYears.map { .number(Double($0)) } ?? .null),
            ("requiresLocalRegistration", .bool(a.requiresLocalRegistration), .bool(b.requiresLocalRegistration)),
        ]
        return pairs.filter { $0.1 != $0.2 }.map { FieldChange(field: $0.0, from: $0.1, to: $0.2) }
    }
}
