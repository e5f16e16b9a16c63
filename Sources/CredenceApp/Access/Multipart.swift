import Foundation
import Hummingbird
import MultipartKit

/// A `multipart/form-data` body (RFC 7578): its text fields and its files, framed by
/// multipart-kit. Strict: what it cannot read is a 400, not a guess.
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

    /// The parts, framed by multipart-kit's parser; a body that does not end with the
    /// closing boundary (cut short) is refused, never half read.
    init(body: ByteBuffer, boundary: String) throws {
        var tail = body
        tail.moveReaderIndex(forwardBy: max(0, body.readableBytes - boundary.utf8.count - 8))
        guard String(buffer: tail).trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("--" + boundary + "--") else {
            throw Self.malformed
        }
        let parser = MultipartParser(boundary: boundary)
        var headers: [(String, String)] = []
        var content = ByteBuffer()
        var parts: [(headers: [(String, String)], content: ByteBuffer)] = []
        parser.onHeader = { headers.append(($0, $1)) }
        parser.onBody = { content.writeBuffer(&$0) }
        parser.onPartComplete = {
            parts.append((headers, content))
            headers = []
            content = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw Self.malformed
        }
        for part in parts {
            guard let disposition = part.headers.first(where: { $0.0.lowercased() == "content-disposition" })?.1,
                  let name = Self.parameter("name", in: disposition)
            else { throw Self.malformed }
            if let fileName = Self.parameter("filename", in: disposition) {
                files.append(File(field: name, fileName: fileName, bytes: Array(buffer: part.content)))
            } else {
                fields.append((name, String(buffer: part.content)))
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
}
