import CredenceCore
import Foundation
import Hummingbird

/// A request body that must be a JSON object, read field by field so each mistake is
/// answered with the field's name: a malformed body is a 400, a field of the wrong type
/// or a field we do not know is a 422.
struct JSONObject {
    let fields: [String: JSONValue]
    /// The `code` of the 422s this body produces.
    let errorCode: String
    /// Where this object sits in the body (`holder.`), so errors name the field in full.
    var path = ""

    static let maxBytes = 64 * 1024

    static func read(_ request: Request, errorCode: String, accepting names: [String]) async throws -> JSONObject {
        let body = try await request.body.collect(upTo: maxBytes)
        let value: JSONValue
        do {
            value = try StrictJSON.parse(body.readableBytesView)
        } catch {
            throw APIError(status: .badRequest, code: "malformed_json",
                           message: "The body must be a JSON object, each key once (see this operation in /openapi.json): \(error).")
        }
        guard case .object(let fields) = value else {
            throw APIError(status: .unprocessableContent, code: errorCode, message: "The body must be a JSON object; got \(value.typeName).")
        }
        let object = JSONObject(fields: fields, errorCode: errorCode)
        if let unknown = fields.keys.sorted().first(where: { !names.contains($0) }) {
            throw object.invalid(unknown, "Unknown field '\(unknown)'. Accepted: \(names.joined(separator: ", ")).")
        }
        return object
    }

    func invalid(_ field: String?, _ message: String) -> APIError {
        APIError(status: .unprocessableContent, code: errorCode, message: message, field: field)
    }

    /// A field's full name, for errors: `holder.name`.
    func full(_ name: String) -> String { path + name }

    /// The object held in `name`, read the same way; required.
    func object(_ name: String, accepting names: [String]) throws -> JSONObject {
        guard case .object(let fields)? = value(name) else {
            throw invalid(full(name), "\(full(name)) is required: an object with \(names.joined(separator: ", ")).")
        }
        let nested = JSONObject(fields: fields, errorCode: errorCode, path: full(name) + ".")
        if let unknown = fields.keys.sorted().first(where: { !names.contains($0) }) {
            throw invalid(nested.full(unknown), "Unknown field '\(nested.full(unknown))'. Accepted: \(names.joined(separator: ", ")).")
        }
        return nested
    }

    /// The value, or nil when absent or null ("not known").
    func value(_ name: String) -> JSONValue? {
        guard let value = fields[name], value != .null else { return nil }
        return value
    }

    private func wrongType(_ name: String, _ expected: String, _ got: JSONValue) -> APIError {
        invalid(full(name), "\(full(name)) must be \(expected); got \(got.typeName).")
    }

    func string(_ name: String) throws -> String? {
        guard let value = value(name) else { return nil }
        guard case .string(let text) = value else { throw wrongType(name, "a string or null", value) }
        return text
    }

    /// A string that says something, or nil when absent or null: in the API a fact not
    /// known is null, never "" (a blank string is a 422 naming the field).
    func nonBlankString(_ name: String) throws -> String? {
        guard let text = try string(name) else { return nil }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw invalid(full(name), "\(full(name)) is blank: send null, or leave it out, when it is not known.")
        }
        return text
    }

    func requiredString(_ name: String, _ what: String) throws -> String {
        guard let value = value(name) else { throw invalid(full(name), "\(full(name)) is required: \(what).") }
        guard case .string(let text) = value else { throw wrongType(name, "a string (\(what))", value) }
        return text
    }

    func bool(_ name: String) throws -> Bool? {
        guard let value = value(name) else { return nil }
        guard case .bool(let flag) = value else { throw wrongType(name, "true, false or null", value) }
        return flag
    }

    func number(_ name: String) throws -> Double? {
        guard let value = value(name) else { return nil }
        guard case .number(let number) = value else { throw wrongType(name, "a number or null", value) }
        return number
    }

    func wholeNumber(_ name: String) throws -> Int? {
        guard let value = value(name) else { return nil }
        guard case .number(let number) = value, number == number.rounded(), abs(number) <= 1e9 else {
            throw wrongType(name, "a whole number or null", value)
        }
        return Int(number)
    }

    func stringArray(_ name: String, _ what: String) throws -> [String] {
        guard let value = value(name) else { throw invalid(full(name), "\(full(name)) is required: \(what).") }
        guard case .array(let items) = value else { throw wrongType(name, what, value) }
        return try items.map { item in
            guard case .string(let text) = item else { throw invalid(full(name), "\(full(name)) must hold strings; got \(item.typeName).") }
            return text
        }
    }

    /// The array of objects in `name`, each read like a body (`items[0].code`); empty when absent.
    func objects(_ name: String, accepting names: [String]) throws -> [JSONObject] {
        guard let value = value(name) else { return [] }
        guard case .array(let elements) = value else { throw wrongType(name, "an array of objects", value) }
        return try elements.enumerated().map { index, element in
            let at = "\(full(name))[\(index)]"
            guard case .object(let fields) = element else { throw invalid(at, "\(at) must be an object with \(names.joined(separator: ", ")); got \(element.typeName).") }
            if let unknown = fields.keys.sorted().first(where: { !names.contains($0) }) {
                throw invalid("\(at).\(unknown)", "Unknown field '\(at).\(unknown)'. Accepted: \(names.joined(separator: ", ")).")
            }
            return JSONObject(fields: fields, errorCode: errorCode, path: at + ".")
        }
    }

    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type) throws -> T? where T.RawValue == String {
        guard let text = try string(name) else { return nil }
        guard let choice = T(rawValue: text) else {
            let accepted = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw invalid(full(name), "\(full(name)) must be one of \(accepted); got '\(text)'.")
        }
        return choice
    }
}
