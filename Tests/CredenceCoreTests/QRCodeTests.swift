@testable import CredenceCore
import Testing

/// The QR encoder against ISO/IEC 18004's worked examples; the whole symbol is decoded by
/// a real decoder (zbarimg) in CI's browser check.
@Suite struct QRCodeTests {
    /// ISO/IEC 18004 Annex I: "01234567" as 1-M — its 16 data codewords give these 10
    /// error-correction codewords.
    @Test func reedSolomonMatchesTheStandardsExample() {
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        #expect(ReedSolomon.codewords(for: data, count: 10) == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    /// §7.9.1's example: level M, mask 101 → 100000011001110; and Annex D's version 7 bits.
    @Test func formatAndVersionBitsMatchTheStandard() {
        #expect(QRCode.formatBits(mask: 0b101) == 0b100000011001110)
        #expect(QRCode.versionBits(7) == 0b000111110010010100)
    }

    @Test func byteModeDataIsModeCountBytesAndPadding() {
        // "AB" in 1-M: 0100 00000010 01000001 01000010 0000, then 0xEC 0x11 … to 16 codewords.
        let codewords = QRCode.dataCodewords(Array("AB".utf8), version: 1)
        #expect(Array(codewords.prefix(4)) == [0x40, 0x24, 0x14, 0x20])
        #expect(Array(codewords.dropFirst(4)) == [0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
    }

    @Test(arguments: [1, 14, 26, 42, 62, 84, 106, 122, 152, 180, 213])
    func aSymbolHasTheRightSizeAndFinderPatterns(length: Int) throws {
        let code = try QRCode(String(repeating: "h", count: length))
        #expect(code.size == 17 + 4 * code.version)
        #expect(QRCode.capacity(version: code.version) >= length)
        for (x, y) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] {
            #expect(code.modules[y][x] && code.modules[y + 6][x + 6] && !code.modules[y + 1][x + 1] && code.modules[y + 3][x + 3])
        }
        #expect(code.modules[code.size - 8][8], "the dark module")
    }

    @Test func tooLongATextIsRefused() {
        #expect(throws: QRCode.EncodingError.tooLong(bytes: 214, max: 213)) { try QRCode(String(repeating: "x", count: 214)) }
    }
}
