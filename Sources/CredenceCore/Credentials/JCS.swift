import Foundation

/// RFC 8785 JSON Canonicalization Scheme: object members sorted by their UTF-16 code
/// units, no whitespace, strings escaped minimally, numbers written as ECMAScript writes
/// them. What `eddsa-jcs-2022` signs.
public enum JCS {
    public struct NotCanonicalizable: Error, Sendable { public var why: String }

    public static func canonicalize(_ value: JSONValue) throws(NotCanonicalizable) -> Data {
        var out: [UInt8] = []
        try write(value, into: &out)
        return Data(out)
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8]) throws(NotCanonicalizable) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .number(let number): out += Array(try serialize(number).utf8)
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                try write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            let keys = fields.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                try write(fields[key]!, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// ECMAScript's Number::toString for a finite double (RFC 8785 §3.2.2.3), from the
    /// shortest digits that read back as the same double — which Swift's `description` gives.
    public static func serialize(_ number: Double) throws(NotCanonicalizable) -> String {
        guard number.isFinite else { throw NotCanonicalizable(why: "\(number) is not a JSON number") }
        if number == 0 { return "0" }
        let text = number.magnitude.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1)
        var digits = Array(mantissa[0].utf8) + (mantissa.count == 2 ? Array(mantissa[1].utf8) : [])
        var point = mantissa[0].utf8.count + exponent  // the decimal point sits after this many digits
        while digits.first == UInt8(ascii: "0") { digits.removeFirst(); point -= 1 }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let k = digits.count, n = point
        let d = String(decoding: digits, as: UTF8.self)
        let body: String
        if k <= n, n <= 21 {
            body = d + String(repeating: "0", count: n - k)
        } else if 0 < n, n <= 21 {
            body = String(d.prefix(n)) + "." + String(d.dropFirst(n))
        } else if -6 < n, n <= 0 {
            body = "0." + String(repeating: "0", count: -n) + d
        } else {
            let e = n - 1
            let sign = e < 0 ? "-" : "+"
            body = (k == 1 ? d : String(d.prefix(1)) + "." + String(d.dropFirst())) + "e" + sign + String(abs(e))
        }
        return (number < 0 ? "-" : "") + body
    }
}
