/// A small XML 1.0 reader for the parts of a workbook, over their bytes, in one pass and
/// without recursion: start and end tags with their attributes, text with the five named
/// entities and character references, CDATA; comments and processing instructions are
/// passed over; a document type declaration, a tag that does not close or match, a second
/// root, an unknown entity or bytes that are not UTF-8 are malformed. Kept by hand (not
/// Foundation's XMLParser), measured: on Linux XMLParser trapped on a name that is not UTF-8,
/// kept about 20 KB for every malformed document it was given (10,000 malformed uploads:
/// 200 MB never returned), parses on after errors (swift-corelibs-foundation #5281) and
/// fails on data near 1 MB (#4851) — found with FuzzXLSX, issue 42.
package enum XMLScanner {
    package struct Malformed: Error {}
    /// A run of text longer than `maxText`: stopped at that point, not read to its end.
    package struct TextTooLong: Error {}

    package enum Event {
        case start(name: String, attributes: [String: String])
        case end(name: String)
        case text(String)
    }

    /// Attributes one element may have (a workbook's elements have a dozen at most).
    package static let maxAttributes = 64

    package static func scan(_ bytes: [UInt8], maxText: Int = .max, _ handle: (Event) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = Cursor(bytes: buffer, maxText: maxText)
            try scanner.document(handle)
        }
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        let maxText: Int
        var at = 0
        var open: [String] = []
        var rootSeen = false

        init(bytes: UnsafeBufferPointer<UInt8>, maxText: Int) {
            self.bytes = bytes
            self.maxText = maxText
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { at = 3 }
        }

        func peek(_ offset: Int = 0) -> UInt8? { at + offset < bytes.count ? bytes[at + offset] : nil }
        func starts(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard at + count <= bytes.count else { return false }
            return (0..<count).allSatisfy { bytes[at + $0] == text.utf8Start[$0] }
        }
        /// Moves past the next `end`, or throws when there is none.
        mutating func skip(past end: StaticString) throws -> Range<Int> {
            let start = at
            while at < bytes.count {
                if starts(end) {
                    defer { at += end.utf8CodeUnitCount }
                    return start..<at
                }
                at += 1
            }
            throw Malformed()
        }
        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        /// A C0 control other than tab and line ends: no XML character (XML 1.0 §2.2).
        static func isControl(_ byte: UInt8) -> Bool { byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D }
        mutating func skipSpace() { while let byte = peek(), Self.isSpace(byte) { at += 1 } }

        mutating func name() throws -> String {
            let start = at
            while let byte = peek(), byte >= 0x80 || XMLName.isASCIINameByte(byte) { at += 1 }
            guard at > start else { throw Malformed() }
            let name = try Self.utf8(bytes[start..<at])
            guard XMLName.isValid(name) else { throw Malformed() }
            return name
        }

        mutating func document(_ handle: (Event) throws -> Void) throws {
            while at < bytes.count {
                if peek() == 0x3C {  // <
                    if starts("<?") {
                        _ = try skip(past: "?>")
                    } else if starts("<!--") {
                        _ = try skip(past: "-->")
                    } else if starts("<![CDATA[") {
                        at += 9
                        let range = try skip(past: "]]>")
                        guard !open.isEmpty else { throw Malformed() }
                        guard range.count <= maxText else { throw TextTooLong() }
                        try handle(.text(try Self.utf8(bytes[range], normalisingLines: true)))
                    } else if starts("<!") {
                        throw Malformed()  // a document type declaration: no workbook part has one
                    } else if peek(1) == 0x2F {  // </
                        at += 2
                        let name = try name()
                        skipSpace()
                        guard peek() == 0x3E, open.last == name else { throw Malformed() }
                        at += 1
                        open.removeLast()
                        try handle(.end(name: name))
                    } else {
                        try startTag(handle)
                    }
                } else {
                    let start = at
                    while let byte = peek(), byte != 0x3C {
                        at += 1
                        guard at - start <= maxText else { throw TextTooLong() }
                    }
                    let run = bytes[start..<at]
                    // "]]>" may not stand in text (XML 1.0 §2.4).
                    if run.count >= 3, (run.startIndex..<(run.endIndex - 2)).contains(where: { run[$0] == 0x5D && run[$0 + 1] == 0x5D && run[$0 + 2] == 0x3E }) {
                        throw Malformed()
                    }
                    if open.isEmpty {
                        guard run.allSatisfy(Self.isSpace) else { throw Malformed() }
                    } else {
                        try handle(.text(try Self.decoded(run)))
                    }
                }
            }
            guard rootSeen, open.isEmpty else { throw Malformed() }
        }

        mutating func startTag(_ handle: (Event) throws -> Void) throws {
            at += 1
            guard open.isEmpty ? !rootSeen : true else { throw Malformed() }  // one root
            let name = try name()
            var attributes: [String: String] = [:]
            while true {
                skipSpace()
                guard let byte = peek() else { throw Malformed() }
                if byte == 0x3E {  // >
                    at += 1
                    rootSeen = true
                    open.append(name)
                    try handle(.start(name: name, attributes: attributes))
                    return
                }
                if byte == 0x2F {  // />
                    guard peek(1) == 0x3E else { throw Malformed() }
                    at += 2
                    rootSeen = true
                    try handle(.start(name: name, attributes: attributes))
                    try handle(.end(name: name))
                    return
                }
                let key = try self.name()
                skipSpace()
                guard peek() == 0x3D else { throw Malformed() }  // =
                at += 1
                skipSpace()
                guard let quote = peek(), quote == 0x22 || quote == 0x27 else { throw Malformed() }
                at += 1
                let start = at
                while let byte = peek(), byte != quote {
                    guard byte != 0x3C else { throw Malformed() }
                    at += 1
                }
                guard peek() == quote else { throw Malformed() }
                let value = try Self.decoded(bytes[start..<at], attribute: true)
                at += 1
                // Attributes are separated by white space (XML 1.0 §3.1).
                guard let next = peek(), Self.isSpace(next) || next == 0x3E || next == 0x2F else { throw Malformed() }
                guard attributes.updateValue(value, forKey: key) == nil, attributes.count <= XMLScanner.maxAttributes else { throw Malformed() }
            }
        }

        static func utf8(_ run: Slice<UnsafeBufferPointer<UInt8>>, normalisingLines: Bool = false) throws -> String {
            guard !run.contains(where: isControl), let text = String(validating: run, as: UTF8.self) else { throw Malformed() }
            guard normalisingLines, text.utf8.contains(0x0D) else { return text }
            return text.replacingCRLF()
        }

        /// Text or an attribute's value with its references replaced (XML 1.0 §4.6, §4.1);
        /// line ends as LF (§2.11), and in an attribute each tab or line end a space (§3.3.3).
        static func decoded(_ run: Slice<UnsafeBufferPointer<UInt8>>, attribute: Bool = false) throws -> String {
            guard run.contains(0x26) || run.contains(0x0D) || (attribute && run.contains(where: { $0 == 0x09 || $0 == 0x0A })) else {
                return try utf8(run)
            }
            guard !run.contains(where: isControl) else { throw Malformed() }
            var out: [UInt8] = []
            out.reserveCapacity(run.count)
            var index = run.startIndex
            while index < run.endIndex {
                let byte = run[index]
                if byte == 0x26 {  // &
                    guard let semicolon = run[index...].prefix(12).firstIndex(of: 0x3B) else { throw Malformed() }
                    let reference = try utf8(run[(index + 1)..<semicolon])
                    guard let scalar = entity(reference) else { throw Malformed() }
                    out += Array(String(Character(scalar)).utf8)
                    index = semicolon + 1
                    continue
                }
                if byte == 0x0D {
                    out.append(attribute ? 0x20 : 0x0A)
                    if index + 1 < run.endIndex, run[index + 1] == 0x0A { index += 1 }
                } else if attribute && (byte == 0x09 || byte == 0x0A) {
                    out.append(0x20)
                } else {
                    out.append(byte)
                }
                index += 1
            }
            guard let text = String(validating: out, as: UTF8.self) else { throw Malformed() }
            return text
        }

        static func entity(_ reference: String) -> Unicode.Scalar? {
            switch reference {
            case "lt": return "<"
            case "gt": return ">"
            case "amp": return "&"
            case "quot": return "\""
            case "apos": return "'"
            default:
                let value: UInt32?
                if reference.hasPrefix("#x") { value = UInt32(reference.dropFirst(2), radix: 16) }
                else if reference.hasPrefix("#") { value = UInt32(reference.dropFirst(), radix: 10) }
                else { return nil }
                // A character XML allows (§2.2): no NUL, no other C0 control but tab and line ends.
                guard let value, value == 0x09 || value == 0x0A || value == 0x0D || value >= 0x20 else { return nil }
                return Unicode.Scalar(value)
            }
        }
    }
}

private extension String {
    func replacingCRLF() -> String {
        var result = ""
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" { result.unicodeScalars.append("\n"); previousCR = true; continue }
            if scalar == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
