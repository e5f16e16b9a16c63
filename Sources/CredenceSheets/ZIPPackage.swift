import CredenceZlib
import CredenceCore

/// A ZIP file (APPNOTE 6.3) as an uploaded workbook is read: the central directory, then a
/// part's bytes, stored or deflated (zlib's raw inflate), with its CRC-32 checked, and never
/// more than `SheetLimits.partBytes` of output whatever its headers declare. Every offset and
/// length is checked against the file before it is used. Kept by hand (not ZIPFoundation):
/// the fuzzer found ZIPFoundation 0.9.20 trapping on a damaged archive read from memory and
/// looping for ever on a damaged deflate stream (FuzzXLSX, issue 42).
struct ZIPPackage {
    struct Entry {
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var declaredSize: Int
        var localHeader: Int
    }

    /// More entries than any workbook has (a few dozen) is not a workbook.
    static let maxEntries = 1_000

    let bytes: [UInt8]
    private(set) var entries: [String: Entry] = [:]

    /// The directory, or nil when the bytes are not a ZIP file Credence can read.
    init?(_ bytes: [UInt8]) {
        self.bytes = bytes
        // The end of central directory record: 22 bytes and a comment of at most 65,535.
        guard bytes.count >= 22 else { return nil }
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while end >= lowest, Self.u32(bytes, end) != 0x0605_4B50 { end -= 1 }
        guard end >= lowest, let count = Self.u16(bytes, end + 10), let offset = Self.u32(bytes, end + 16).map(Int.init) else { return nil }
        guard Int(count) <= Self.maxEntries else { return nil }
        var at = offset
        for _ in 0..<count {
            guard Self.u32(bytes, at) == 0x0201_4B50,
                  let flags = Self.u16(bytes, at + 8), let method = Self.u16(bytes, at + 10), let crc = Self.u32(bytes, at + 16),
                  let compressed = Self.u32(bytes, at + 20), let declared = Self.u32(bytes, at + 24),
                  let nameLength = Self.u16(bytes, at + 28).map(Int.init), let extra = Self.u16(bytes, at + 30).map(Int.init),
                  let comment = Self.u16(bytes, at + 32).map(Int.init), let local = Self.u32(bytes, at + 42),
                  at + 46 + nameLength <= bytes.count
            else { return nil }
            // ZIP64 marks its sizes 0xFFFFFFFF: no workbook part is that large.
            guard compressed != .max, declared != .max, local != .max else { return nil }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            if entries[name] == nil {
                entries[name] = Entry(method: method, flags: flags, crc: crc, compressedSize: Int(compressed), declaredSize: Int(declared),
                                      localHeader: Int(local))
            }
            at += 46 + nameLength + extra + comment
        }
    }

    /// The part's bytes, nil when there is no such part; `SheetTooLarge` past `partBytes`;
    /// `XLSXReader.notAWorkbook` when it cannot be read (damaged, encrypted, another method).
    func part(_ name: String) throws -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        let tooLarge = SheetTooLarge(.partBytes(SheetLimits.partBytes, part: name))
        guard entry.flags & 1 == 0, Self.u32(bytes, entry.localHeader) == 0x0403_4B50,
              let nameLength = Self.u16(bytes, entry.localHeader + 26), let extra = Self.u16(bytes, entry.localHeader + 28)
        else { throw XLSXReader.notAWorkbook }
        let start = entry.localHeader + 30 + Int(nameLength) + Int(extra)
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else { throw XLSXReader.notAWorkbook }
        guard entry.declaredSize <= SheetLimits.partBytes else { throw tooLarge }
        let input = bytes[start..<(start + entry.compressedSize)]
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard input.count <= SheetLimits.partBytes else { throw tooLarge }
            output = Array(input)
        case 8:
            guard let inflated = try Self.inflate(input, limit: SheetLimits.partBytes, tooLarge: tooLarge) else { throw XLSXReader.notAWorkbook }
            output = inflated
        default:
            throw XLSXReader.notAWorkbook
        }
        let crc = output.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        guard crc == entry.crc else { throw XLSXReader.notAWorkbook }
        return output
    }

    /// Raw deflate (RFC 1951) into at most `limit` bytes; nil for a damaged stream.
    private static func inflate(_ input: ArraySlice<UInt8>, limit: Int, tooLarge: SheetTooLarge) throws -> [UInt8]? {
        var stream = z_stream()
        guard CredenceZlib_inflateInit2(&stream, -MAX_WBITS) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = Array(input)
        return try input.withUnsafeMutableBufferPointer { source -> [UInt8]? in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { target -> (Int32, Int) in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    let status = CredenceZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, target.count - Int(stream.avail_out))
                }
                output.append(contentsOf: chunk[0..<produced])
                guard output.count <= limit else { throw tooLarge }
                switch status {
                case Z_STREAM_END: return output
                // No progress possible: the input ended before the stream did, or it is damaged.
                case Z_OK where produced > 0 || stream.avail_in > 0: continue
                default: return nil
                }
            }
        }
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16? {
        guard at >= 0, at <= bytes.count - 2 else { return nil }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32? {
        guard at >= 0, at <= bytes.count - 4 else { return nil }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
