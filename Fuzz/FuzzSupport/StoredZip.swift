/// A ZIP file of stored (uncompressed) parts with their CRC-32s, so that fuzzed XML reaches
/// the XML reader whole instead of failing the ZIP's checksum.
public enum StoredZip {
    public static func make(_ parts: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24 & 0xFF)] }
        for (name, data) in parts {
            let nameBytes = Array(name.utf8), crc = crc32(data), offset = UInt32(out.count), size = UInt32(data.count)
            out += u32(0x0403_4B50) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(crc) + u32(size) + u32(size) + u16(nameBytes.count) + u16(0) + nameBytes + data
            central += u32(0x0201_4B50) + u16(20) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(crc) + u32(size) + u32(size)
                + u16(nameBytes.count) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(offset) + nameBytes
        }
        let start = UInt32(out.count)
        return out + central + u32(0x0605_4B50) + u16(0) + u16(0) + u16(parts.count) + u16(parts.count) + u32(UInt32(central.count)) + u32(start) + u16(0)
    }

    static let table: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        ~bytes.reduce(~UInt32(0)) { table[Int(($0 ^ UInt32($1)) & 0xFF)] ^ ($0 >> 8) }
    }
}
