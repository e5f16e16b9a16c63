import Foundation

/// Checks JSON values against a JSON Schema (the 2020-12 subset Credence's schemas use:
/// type, properties, required, additionalProperties, items, enum, const, oneOf, anyOf,
/// allOf, local $ref, minimum, maximum, minLength, maxLength, pattern, minItems,
/// uniqueItems). Used to hold the data file to its schema and API answers to the spec.
public struct JSONSchemaValidator: @unchecked Sendable {  // immutable after init
    /// The document `$ref`s resolve against (`#/components/...` or `#/$defs/...`).
    public let root: [String: Any]

    public init(root: [String: Any]) {
        self.root = root
    }

    public init(jsonData: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: jsonData) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        self.root = root
    }

    /// Every way `value` breaks `schema`, with the JSON path; empty when it conforms.
    public func errors(_ value: Any, against schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            guard let target = resolve(ref) else { return ["\(path): unresolvable $ref \(ref)"] }
            return errors(value, against: target, at: path)
        }
        var problems: [String] = []
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [types as? String].compactMap { $0 }
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                return ["\(path): expected \(allowed.joined(separator: "|")), got \(Self.describe(value))"]
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            problems.append("\(path): \(Self.describe(value)) is not one of the allowed values")
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            problems.append("\(path): expected the constant \(constant)")
        }
        if let all = schema["allOf"] as? [[String: Any]] {
            for sub in all { problems += errors(value, against: sub, at: path) }
        }
        if let any = schema["anyOf"] as? [[String: Any]], !any.contains(where: { errors(value, against: $0, at: path).isEmpty }) {
            problems.append("\(path): matches none of anyOf")
        }
        if let one = schema["oneOf"] as? [[String: Any]] {
            let matching = one.filter { errors(value, against: $0, at: path).isEmpty }.count
            if matching != 1 { problems.append("\(path): matches \(matching) of oneOf, expected exactly 1") }
        }
        if let object = value as? [String: Any] {
            problems += objectErrors(object, schema, path)
        }
        if let array = value as? [Any], !(value is [String: Any]) {
            if let minItems = schema["minItems"] as? Int, array.count < minItems {
                problems.append("\(path): fewer than \(minItems) items")
            }
            if let maxItems = schema["maxItems"] as? Int, array.count > maxItems {
                problems.append("\(path): more than \(maxItems) items")
            }
            if schema["uniqueItems"] as? Bool == true {
                for i in array.indices where array[..<i].contains(where: { Self.equal($0, array[i]) }) {
                    problems.append("\(path)[\(i)]: duplicate item")
                }
            }
            if let items = schema["items"] as? [String: Any] {
                for (i, item) in array.enumerated() { problems += errors(item, against: items, at: "\(path)[\(i)]") }
            }
        }
        if let string = value as? String {
            if let minLength = schema["minLength"] as? Int, string.count < minLength {
                problems.append("\(path): shorter than \(minLength)")
            }
            if let maxLength = schema["maxLength"] as? Int, string.count > maxLength {
                problems.append("\(path): longer than \(maxLength)")
            }
            if let pattern = schema["pattern"] as? String, string.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): \"\(string)\" does not match \(pattern)")
            }
        }
        if let number = Self.number(value) {
            if let minimum = schema["minimum"].flatMap(Self.number), number < minimum {
                problems.append("\(path): below the minimum \(minimum)")
            }
            if let maximum = schema["maximum"].flatMap(Self.number), number > maximum {
                problems.append("\(path): above the maximum \(maximum)")
            }
        }
        return problems
    }

    private func objectErrors(_ object: [String: Any], _ schema: [String: Any], _ path: String) -> [String] {
        var problems: [String] = []
        let properties = schema["properties"] as? [String: Any] ?? [:]
        for key in schema["required"] as? [String] ?? [] where object[key] == nil {
            problems.append("\(path): missing required \"\(key)\"")
        }
        for (key, value) in object {
            let childPath = "\(path).\(key)"
            if let propertySchema = properties[key] as? [String: Any] {
                problems += errors(value, against: propertySchema, at: childPath)
            } else if let additional = schema["additionalProperties"] {
                if additional as? Bool == false {
                    problems.append("\(childPath): not allowed here")
                } else if let additionalSchema = additional as? [String: Any] {
                    problems += errors(value, against: additionalSchema, at: childPath)
                }
            }
        }
        return problems
    }

    /// The schema a local `$ref` (`#/components/schemas/Entry`) points at.
    public func resolve(_ ref: String) -> [String: Any]? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: Any = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let dictionary = node as? [String: Any], let next = dictionary[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "boolean": return isBool(value)
        case "integer": return !isBool(value) && number(value).map { $0 == $0.rounded() } == true
        case "number": return !isBool(value) && number(value) != nil
        case "string": return value is String
        case "array": return value is [Any] && !(value is [String: Any])
        case "object": return value is [String: Any]
        default: return false
        }
    }

    static func isBool(_ value: Any) -> Bool {
        if value is Bool, !(value is NSNumber) { return true }
        guard let number = value as? NSNumber else { return false }
        // JSONSerialization makes booleans NSNumbers of type char ("c"); JSON numbers never are.
        return String(cString: number.objCType) == "c" || String(cString: number.objCType) == "B"
    }

    static func number(_ value: Any) -> Double? {
        if value is String || value is NSNull { return nil }
        return (value as? NSNumber)?.doubleValue
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if a is NSNull || b is NSNull { return a is NSNull && b is NSNull }
        if isBool(a) != isBool(b) { return false }
        return (a as? NSObject)?.isEqual(b) ?? false
    }

    static func describe(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if isBool(value) { return "boolean" }
        if value is String { return "string \"\(value)\"" }
        if number(value) != nil { return "number \(value)" }
        if value is [String: Any] { return "object" }
        if value is [Any] { return "array" }
        return "\(type(of: value))"
    }
}
