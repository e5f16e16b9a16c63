import CredenceCore
import NIOCore

/// A JSON writer for the answers computed afresh on every call — the benefits evaluation,
/// an employer's list of requests: Foundation's `JSONEncoder` spent half of the first's and
/// a third of the second's time building and sorting dictionaries (perf, release build).
/// Callers write keys in sorted order; strings are escaped as `APIJSON` escapes them, so the
/// bytes are the same — `JSONBytesTests` holds them equal. Written into an array, then copied
/// once into the response's buffer: writing into a `ByteBuffer` piece by piece checked
/// exclusive access to its storage on every write (14 % of a benefits answer, perf; the one
/// copy of 23 kB is 2 %).
struct JSONBytes {
    /// What has been written (tests, and pieces kept to copy later).
    private(set) var bytes: [UInt8]

    init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// What has been written, in one buffer for the response: one copy of the raw bytes
    /// (`ByteBuffer(bytes:)` took the array's generic path, 6 % of a benefits answer, perf).
    var buffer: ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
        bytes.withUnsafeBytes { _ = buffer.writeBytes($0) }
        return buffer
    }

    /// Punctuation and keys known to need no escaping: `{"id":`.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func string(_ text: String) {
        byte(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Runs that need no escaping (nearly everything) are copied whole.
            var start = 0
            for index in utf8.indices where utf8[index] < 0x20 || utf8[index] == UInt8(ascii: "\"") || utf8[index] == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                escape(utf8[index])
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        byte(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw(#"\""#)
        case UInt8(ascii: "\\"): raw(#"\\"#)
        case 0x08: raw(#"\b"#)
        case 0x0C: raw(#"\f"#)
        case UInt8(ascii: "\n"): raw(#"\n"#)
        case UInt8(ascii: "\r"): raw(#"\r"#)
        case UInt8(ascii: "\t"): raw(#"\t"#)
        default:
            raw(#"\u00"#)
            let digits: StaticString = "0123456789abcdef"
            digits.withUTF8Buffer { hex in
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
    }

    mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// JSON made elsewhere (by `APIJSON.encode`), copied in.
    mutating func json(_ encoded: [UInt8]) {
        bytes.append(contentsOf: encoded)
    }

    mutating func bilingual(_ text: BilingualText) {
        raw(#"{"en":"#); string(text.en)
        raw(#","zh":"#); string(text.zh)
        raw("}")
    }

    mutating func optionalString(_ text: String?) {
        if let text { string(text) } else { raw("null") }
    }

    /// `[a,b,c]`, each element written by `element`.
    mutating func array<T>(_ items: [T], _ element: (inout JSONBytes, T) -> Void) {
        raw("[")
        for (index, item) in items.enumerated() {
            if index > 0 { raw(",") }
            element(&self, item)
        }
        raw("]")
    }
}
