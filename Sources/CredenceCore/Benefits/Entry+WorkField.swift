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
        let end = marks.compactMap { text.range(of: $0)?.lowerBound }.min() ?? text.endIndex
        var clause = String(text[..<end]).trimmingCharacters(in: .whitespaces)
        if clause.hasSuffix(".") || clause.hasSuffix("。") { clause.removeLast() }
        return clause
    }
}

extension String {
    /// "For work related to finance" → "for work related to finance", for use mid-sentence.
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
