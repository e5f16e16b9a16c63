/// XML 1.0's name characters (Fifth Edition, §2.3 productions [4] and [4a]), which element and
/// attribute names are held to: a workbook part with `numFmt&Id` in a tag is not well-formed,
/// and is refused as expat refuses it (found by the XML differential on the fuzz corpus).
enum XMLName {
    /// An ASCII byte that may stand in a name; bytes from 0x80 are checked as scalars (`isValid`).
    static func isASCIINameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: ":"),
             UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// Whether `name` is a Name: a NameStartChar, then NameChars.
    static func isValid(_ name: String) -> Bool {
        var scalars = name.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isStart(first.value) else { return false }
        while let scalar = scalars.next() {
            guard isStart(scalar.value) || isFollowing(scalar.value) else { return false }
        }
        return true
    }

    private static func isStart(_ value: UInt32) -> Bool {
        switch value {
        case 0x3A, 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF,
             0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF,
             0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    private static func isFollowing(_ value: UInt32) -> Bool {
        switch value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }
}
