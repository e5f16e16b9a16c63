/// A field of a command, declared once (issue 44): its dotted name is the JSON path, the
/// form field's name and the sheet column's key alike; what it holds says how each reader
/// takes it. The readers keep their own strictness (a JSON string where a flag belongs is
/// refused naming the field; a form sends text); the command's type validates what they read.
public struct CommandField: Sendable, Hashable {
    public enum Holds: Sendable, Hashable {
        /// Text that must be given; `hint` says what, when it is missing.
        case required(hint: String)
        /// A fact that may be unknown: left out or null, never blank, in JSON.
        case fact
        /// Free text: left out, null, blank or anything.
        case text
        /// Yes or no.
        case flag
    }

    public var name: String
    public var holds: Holds
    /// How forms and English messages name it ("Certificate number"; `FieldLabel`).
    public var label: String
    /// Its column's header in a sheet, when a sheet carries it.
    public var sheetHeader: BilingualText?

    public init(_ name: String, _ holds: Holds, label: String, sheetHeader: BilingualText? = nil) {
        self.name = name
        self.holds = holds
        self.label = label
        self.sheetHeader = sheetHeader
    }

    /// The object a nested field sits in ("holder" for "holder.name"), if any.
    public var parent: String? { name.firstIndex(of: ".").map { String(name[..<$0]) } }
    /// Its own key within that object ("name").
    public var key: String { name.firstIndex(of: ".").map { String(name[name.index(after: $0)...]) } ?? name }
}

/// Where a command's fields are read from: a JSON body, a submitted form, a sheet's row.
public protocol FieldSource {
    /// The field's text; nil when it was not given.
    func text(_ field: CommandField) throws -> String?
    /// The field's yes or no; nil when it was not given.
    func flag(_ field: CommandField) throws -> Bool?
}

extension Array where Element == CommandField {
    /// The names a JSON object at the top accepts: top-level fields and the objects holding the others.
    public var topLevelNames: [String] {
        reduce(into: []) { names, field in
            let name = field.parent ?? field.name
            if !names.contains(name) { names.append(name) }
        }
    }

    /// The keys the object `parent` accepts.
    public func keys(in parent: String) -> [String] { filter { $0.parent == parent }.map(\.key) }
}
