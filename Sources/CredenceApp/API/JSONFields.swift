import CredenceCore

/// A JSON body as a command's field source: a nested field is read from its object
/// (`holder.name` from `holder`), each as it holds — required text, a fact (null when
/// unknown, never blank), free text, or a flag — with `JSONObject`'s field-naming 422s.
struct JSONFields: FieldSource {
    let body: JSONObject
    let fields: [CommandField]

    private func object(for field: CommandField) throws -> JSONObject {
        guard let parent = field.parent else { return body }
        return try body.object(parent, accepting: fields.keys(in: parent))
    }

    func text(_ field: CommandField) throws -> String? {
        let object = try object(for: field)
        switch field.holds {
        case .required(let hint): return try object.requiredString(field.key, hint)
        case .fact: return try object.nonBlankString(field.key)
        case .text: return try object.string(field.key)
        case .flag: return try object.bool(field.key).map { $0 ? "true" : "false" }
        }
    }

    func flag(_ field: CommandField) throws -> Bool? { try object(for: field).bool(field.key) }
}
