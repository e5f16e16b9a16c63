extension Sequence<UInt8> {
    /// Lower-case hexadecimal, two digits a byte: how digests and signatures are written.
    /// (`String(format: "%02x")` per byte, used before, went through Foundation's formatter
    /// for every byte: a tenth of a submission's time, in the audit chain's hashes.)
    public var hex: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
