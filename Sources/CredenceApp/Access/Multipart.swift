import Foundation
import Hummingbird

/// A `multipart/form-data` body (RFC 7578): its text fields and its files. Small and strict:
/// what it cannot read is a 400, not a guess. Kept by hand (not multipart-kit): measured on the
/// debug build the tests run, one 10 MiB upload took 16.9 s through multipart-kit 4.7.1, 0.9 s here.
struct MultipartForm: Sendable {
    struct File: Sendable {
        var field: String
        var fileName: String
        var bytes: [UInt8]
    }

    var fields: [(String, String)] = []
    var files: [File] = []

    /// Room for one 10 MiB file and the form around it; more is a 413.
    static let maxBytes = 10 * 1024 * 1024 + 64 * 1024

    static func boundary(of contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 70 ? nil : value
            }
        }
        return nil
    }

    init(body: [UInt8], boundary: String) throws {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var index = body.startIndex
        guard let first = Self.find(delimiter, in: body, from: index) else { throw Self.malformed }
        index = first + delimiter.count
        while true {
            // "--" after a delimiter ends the body.
            if body[index...].starts(with: [45, 45]) { break }
            guard body[index...].starts(with: [13, 10]) else { throw Self.malformed }
            index += 2
            guard let next = Self.find([13, 10] + delimiter, in: body, from: index) else { throw Self.malformed }
            parts.append(body[index..<next])
            index = next + 2 + delimiter.count
        }
        for part in parts {
            guard let split = Self.find([13, 10, 13, 10], in: Array(part), from: 0) else { throw Self.malformed }
            let bytes = Array(part)
            let headers = String(decoding: bytes[..<split], as: UTF8.self)
            let content = Array(bytes[(split + 4)...])
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") })
            else { throw Self.malformed }
            let name = Self.parameter("name", in: String(disposition))
            let fileName = Self.parameter("filename", in: String(disposition))
            guard let name else { throw Self.malformed }
            if let fileName {
                files.append(File(field: name, fileName: fileName, bytes: content))
            } else {
                fields.append((name, String(decoding: content, as: UTF8.self)))
            }
        }
    }

    static let malformed = APIError(status: .badRequest, code: "malformed_multipart", message: "The body is not valid multipart/form-data.")

    private static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == name {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
