/// A QR code (ISO/IEC 18004) for a short text: byte mode, error correction level M,
/// versions 1–10 (up to 213 bytes — a verification link is under 100), the mask with the
/// lowest penalty score.
public struct QRCode: Sendable {
    public let version: Int
    public let mask: Int
    /// `modules[y][x]`, true for dark.
    public let modules: [[Bool]]
    public var size: Int { modules.count }

    public enum EncodingError: Error, Equatable { case tooLong(bytes: Int, max: Int) }

    /// Level M's block structure per version: error-correction codewords per block and the
    /// data codewords of each block (ISO/IEC 18004 Table 9).
    static let blocks: [(ecPerBlock: Int, data: [Int])] = [
        (10, [16]), (16, [28]), (26, [44]), (18, [32, 32]), (24, [43, 43]),
        (16, [27, 27, 27, 27]), (18, [31, 31, 31, 31]), (22, [38, 38, 39, 39]),
        (22, [36, 36, 36, 37, 37]), (26, [43, 43, 43, 43, 44]),
    ]
    static let alignmentCenters: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
    ]

    public static var maxBytes: Int { capacity(version: blocks.count) }

    static func capacity(version: Int) -> Int {
        let dataBits = blocks[version - 1].data.reduce(0, +) * 8
        return (dataBits - 4 - (version < 10 ? 8 : 16)) / 8
    }

    public init(_ text: String) throws(EncodingError) {
        let bytes = Array(text.utf8)
        guard let version = (1...Self.blocks.count).first(where: { Self.capacity(version: $0) >= bytes.count }) else {
            throw .tooLong(bytes: bytes.count, max: Self.maxBytes)
        }
        let codewords = Self.interleaved(Self.dataCodewords(bytes, version: version), version: version)
        var best: (penalty: Int, mask: Int, modules: [[Bool]])?
        for mask in 0..<8 {
            var matrix = QRMatrix(version: version)
            matrix.drawFunctionPatterns()
            matrix.place(codewords)
            matrix.apply(mask: mask)
            matrix.drawFormatBits(mask: mask)
            let penalty = matrix.penalty
            if best == nil || penalty < best!.penalty { best = (penalty, mask, matrix.dark) }
        }
        self.version = version
        self.mask = best!.mask
        self.modules = best!.modules
    }

    /// Mode, count, bytes, terminator and padding: the data codewords (§7.4).
    static func dataCodewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: version < 10 ? 8 : 16)
        for byte in bytes { bits.append(Int(byte), count: 8) }
        let capacity = blocks[version - 1].data.reduce(0, +) * 8
        bits.append(0, count: min(4, capacity - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var pad = 0
        while bits.count < capacity {
            bits.append(pad % 2 == 0 ? 0xEC : 0x11, count: 8)
            pad += 1
        }
        return bits.bytes
    }

    /// Splits the data into blocks, adds each block's error correction, and interleaves
    /// them (§7.6).
    static func interleaved(_ data: [UInt8], version: Int) -> [UInt8] {
        let (ecCount, sizes) = blocks[version - 1]
        var dataBlocks: [[UInt8]] = []
        var offset = 0
        for size in sizes {
            dataBlocks.append(Array(data[offset..<offset + size]))
            offset += size
        }
        let ecBlocks = dataBlocks.map { ReedSolomon.codewords(for: $0, count: ecCount) }
        var result: [UInt8] = []
        for i in 0..<(sizes.max() ?? 0) {
            for block in dataBlocks where i < block.count { result.append(block[i]) }
        }
        for i in 0..<ecCount {
            for block in ecBlocks { result.append(block[i]) }
        }
        return result
    }

    /// Level M's 15 format bits for `mask`: BCH(15,5) with generator 0x537, XOR 0x5412 (§7.9).
    static func formatBits(mask: Int) -> Int {
        let data = (0b00 << 3) | mask  // level M is 00
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return ((data << 10) | remainder) ^ 0x5412
    }

    /// The 18 version bits of versions 7 and up: BCH(18,6) with generator 0x1F25 (§7.10).
    static func versionBits(_ version: Int) -> Int {
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        return (version << 12) | remainder
    }
}

struct BitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
    }

    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<min(start + 8, bits.count)].reduce(UInt8(0)) { ($0 << 1) | ($1 ? 1 : 0) }
        }
    }
}
