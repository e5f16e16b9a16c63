import Foundation

/// UUIDs to and from their 36-character text without Foundation's formatting: its parser
/// runs `sscanf` and its writer `snprintf`, and an employer's list of twenty requests reads
/// and writes a hundred of them (perf, issue 35: 3 % of the list).
extension UUID {
    /// `8-4-4-4-12` hexadecimal digits in either case; nil for anything else.
    public init?(text: some StringProtocol) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        var high: UInt8?
        var index = 0
        for character in text.utf8 {
            defer { index += 1 }
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard character == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        guard index == 36, bytes.count == 16 else { return nil }
        self.init(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                         bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    /// The lower-case text the API writes: `uuidString.lowercased()`, without formatting twice.
    public var lowercasedText: String {
        withUnsafeBytes(of: uuid) { bytes in
            let hex = bytes.hex
            let utf8 = Array(hex.utf8)
            var out: [UInt8] = []
            out.reserveCapacity(36)
            for (index, digit) in utf8.enumerated() {
                if index == 8 || index == 12 || index == 16 || index == 20 { out.append(UInt8(ascii: "-")) }
                out.append(digit)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
