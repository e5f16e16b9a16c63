import CredenceWire
import Foundation
import Hummingbird
import NIOCore

/// A file sent to the API either as the body or as the `file` field of a multipart form
/// (`curl -F file=@list.csv`): its bytes, its name when it has one, and the content type.
struct UploadedFile {
    var bytes: [UInt8]
    var fileName: String?
    var contentType: String

    static let howToSend = "Send the file as the body (with its Content-Type) or as a multipart/form-data field named file."

    /// Reads it, refusing more than `limit` bytes with a 413 that says the limit.
    static func read(_ request: Request, upTo limit: Int, limitText: String) async throws -> UploadedFile {
        let contentType = request.headers[.contentType] ?? ""
        var request = request
        let tooLarge = APIError(status: .contentTooLarge, code: "too_large", message: "The file may be at most \(limitText).", field: "file")
        if let boundary = MultipartForm.boundary(of: contentType) {
            let body: ByteBuffer
            do { body = try await request.collectBody(upTo: limit + 64 * 1024) } catch is NIOTooManyBytesError { throw tooLarge }
            guard let form = try? MultipartForm(body: Array(buffer: body), boundary: boundary),
                  let file = form.files.first(where: { $0.field == "file" })
            else { throw APIError(status: .badRequest, code: "malformed_upload", message: "No file field in the form. " + howToSend, field: "file") }
            guard file.bytes.count <= limit else { throw tooLarge }
            return UploadedFile(bytes: file.bytes, fileName: file.fileName, contentType: contentType)
        }
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: limit) } catch is NIOTooManyBytesError { throw tooLarge }
        guard body.readableBytes > 0 else {
            throw APIError(status: .badRequest, code: "malformed_upload", message: "The body is empty. " + howToSend, field: "file")
        }
        return UploadedFile(bytes: Array(buffer: body), fileName: nil, contentType: contentType)
    }
}
