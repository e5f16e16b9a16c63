@testable import CredenceApp
import CredenceWire
import Foundation
import NIOCore
import Testing

/// The multipart reader: what browsers and
/// curl send is read whole; anything cut short or malformed is refused, never half read.
@Suite struct MultipartFormTests {
    static let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"

    static func body(_ parts: [(headers: String, content: [UInt8])], close: Bool = true) -> ByteBuffer {
        var bytes: [UInt8] = []
        for part in parts {
            bytes += Array("--\(boundary)\r\n\(part.headers)\r\n\r\n".utf8) + part.content + Array("\r\n".utf8)
        }
        if close { bytes += Array("--\(boundary)--\r\n".utf8) }
        return ByteBuffer(bytes: bytes)
    }

    @Test func fieldsAndABinaryFileAreReadWhole() throws {
        let binary: [UInt8] = Array("%PDF-1.4\r\n--not-a-boundary\r\n".utf8) + (0...255).map(UInt8.init)
        let form = try MultipartForm(body: Array(buffer: Self.body([
            ("Content-Disposition: form-data; name=\"csrf\"", Array("token".utf8)),
            ("Content-Disposition: form-data; name=\"note\"", Array("第一行\r\nsecond".utf8)),
            ("Content-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf", binary),
        ])), boundary: Self.boundary)
        #expect(form.fields.map(\.0) == ["csrf", "note"])
        #expect(form.fields.last?.1 == "第一行\r\nsecond")
        #expect(form.files.count == 1)
        #expect(form.files.first?.fileName == "scan.pdf" && form.files.first?.field == "file")
        #expect(form.files.first?.bytes == binary)
    }

    @Test func aBodyCutShortOrMalformedIsRefused() {
        let cut = Self.body([("Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"", Array("%PDF".utf8))], close: false)
        #expect(throws: MalformedBody.self) { try MultipartForm(body: Array(buffer: cut), boundary: Self.boundary) }
        let noDisposition = Self.body([("Content-Type: text/plain", Array("x".utf8))])
        #expect(throws: MalformedBody.self) { try MultipartForm(body: Array(buffer: noDisposition), boundary: Self.boundary) }
        #expect(throws: MalformedBody.self) { try MultipartForm(body: Array("not multipart at all".utf8), boundary: Self.boundary) }
        #expect(MultipartForm.boundary(of: "multipart/form-data; boundary=\"abc\"") == "abc")
        #expect(MultipartForm.boundary(of: "application/json") == nil)
        #expect(MultipartForm.boundary(of: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)) == nil)
    }
}
