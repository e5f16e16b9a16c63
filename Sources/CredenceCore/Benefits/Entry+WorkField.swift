import Foundation

extension Entry {
    /// The field of work the entry is recognized for: the first clause of its remark, which
    /// in the 2023 edition always begins "从事…相关工作" ("For work related to …"). v2's
    /// `workRelatedTo` asks about it, and its reasons quote it.
    public var workField: BilingualText {
        BilingualText(zh: Self.firstClause(remarks.zh, endingAt: ["。", "；", "（"]),
                      en: Self.firstClause(remarks.en, endingAt: [". ", "; ", " ("]))
    }

    private static func firstClause(_ text: String, endingAt marks: [String]) -> String {
        var clause = text[..<(firstMark(marks, in: text) ?? text.endIndex)]
        while let first = clause.first, first.isWhitespace, !first.isNewline { clause.removeFirst() }
        while let last = clause.last, last.isWhitespace, !last.isNewline { clause.removeLast() }
        if clause.hasSuffix(".") || clause.hasSuffix("。") { clause.removeLast() }
        return String(clause)
    }

    /// Where the first of `marks` begins, found on UTF-8 bytes (the marks are whole
    /// characters) — not with Foundation's `range(of:)` or the standard library's generic
    /// `firstRange(of:)`, which were 16 % and 36 % of a benefits request (perf, issue 14).
    private static func firstMark(_ marks: [String], in text: String) -> String.Index? {
        let patterns = marks.map { Array($0.utf8) }
        var contiguous = text
        let offset = contiguous.withUTF8 { bytes in
            bytes.indices.first { at in patterns.contains { bytes[at...].starts(with: $0) } }
        }
        return offset.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }
}

extension String {
    /// "For work related to finance" → "for work related to finance", for use mid-sentence.
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
