import CredenceWire
import FuzzSupport

/// The multipart/form-data reader: the first line is the Content-Type, the rest the body.
func fuzz(_ bytes: [UInt8]) {
    let newline = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
    let contentType = String(decoding: bytes[..<newline], as: UTF8.self)
    let body = Array(bytes[min(newline + 1, bytes.endIndex)...])
    let boundary = MultipartForm.boundary(of: contentType) ?? "b"
    guard let form = try? MultipartForm(body: body, boundary: boundary) else { return }
    Replay.require(form.fields.count + form.files.count <= MultipartForm.maxParts, "more parts than allowed")
    Replay.require(form.files.allSatisfy { $0.bytes.count <= body.count }, "a file larger than the body")
}

@main enum Main {
    static func main() { Replay.run(fuzz) }
}
