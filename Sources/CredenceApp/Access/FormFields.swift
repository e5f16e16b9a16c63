import CredenceCore
import CredenceWire
import Foundation
import Hummingbird

/// A form's fields: an `application/x-www-form-urlencoded` or `multipart/form-data` body
/// (with its files), read once and kept on the request for the handler.
struct FormFields: Sendable {
    var pairs: [(String, String)]
    var files: [MultipartForm.File] = []

    static let maxBytes = 64 * 1024

    /// The form, read up to `limit` bytes (the gate reads it first with the route's limit;
    /// a handler's read finds it already there).
    static func read(_ request: inout Request, upTo limit: Int = MultipartForm.maxBytes) async throws -> FormFields {
        let contentType = request.headers[.contentType] ?? ""
        if let boundary = MultipartForm.boundary(of: contentType) {
            let body = try await request.collectBody(upTo: limit)
            let form = try MultipartForm(body: Array(buffer: body), boundary: boundary)
            var fields = FormFields(query: "")
            fields.pairs = form.fields
            fields.files = form.files
            return fields
        }
        guard contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            return FormFields(query: "")
        }
        let body = try await request.collectBody(upTo: min(limit, maxBytes))
        return FormFields(query: String(buffer: body))
    }

    init(query: String) {
        pairs = URLEncodedForm.pairs(query)
    }

    func first(_ name: String) -> String? {
        pairs.first { $0.0 == name }?.1
    }

    /// The value, or "" when absent: what an empty text box sends.
    subscript(_ name: String) -> String { first(name) ?? "" }
}

/// A submitted form as a command's field source: each field by its dotted name, as typed
/// (a blank one is blank, judged by the command); a ticked box sends "true".
extension FormFields: FieldSource {
    func text(_ field: CommandField) -> String? { first(field.name) }
    func flag(_ field: CommandField) -> Bool? { first(field.name).map { $0 == "true" } }
}
