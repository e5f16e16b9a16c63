import Foundation

/// How search reads text: one normalization and one tokenizer, used for the catalog and
/// for queries alike, so the two always agree.
enum SearchText {
    /// Folds full-width forms to ASCII (NFKC), case and diacritics: `ＣＦＡ`, `Cfa` and `cfa`
    /// read the same.
    static func normalize(_ text: String) -> String {
        // ASCII needs only its case folded. With this and each distinct text tokenized once,
        // a 100,000-entry index build went from 20-26 s to 11-12 s (credence-search-bench).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Splits normalized text into Latin/digit words and runs of Han characters. Chinese has
    /// no spaces, so a Han run is indexed and searched by its characters and character pairs.
    static func tokens(_ text: String) -> [SearchToken] {
        var tokens: [SearchToken] = []
        var word = String.UnicodeScalarView()
        var han = String.UnicodeScalarView()
        func flush() {
            if !word.isEmpty { tokens.append(.word(String(word))); word = .init() }
            if !han.isEmpty { tokens.append(.han(String(han))); han = .init() }
        }
        for scalar in normalize(text).unicodeScalars {
            if isHan(scalar) {
                if !word.isEmpty { flush() }
                han.append(scalar)
            } else if isWordScalar(scalar) {
                if !han.isEmpty { flush() }
                word.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    /// Letters and digits: ASCII by range, the rest by their Unicode properties.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0..<0x80: false
        default: scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }

    /// The terms a Han run is indexed under: every character and every adjacent pair.
    static func hanTerms(_ run: String) -> [String] {
        let characters = Array(run)
        var terms = characters.map(String.init)
        if characters.count > 1 {
            for i in 0..<(characters.count - 1) {
                terms.append(String(characters[i...i + 1]))
            }
        }
        return terms
    }

    /// Words that carry no meaning in a query ("Society of Actuaries").
    static let stopWords: Set<String> = ["of", "the", "and", "in", "for", "a", "an", "to", "on"]
}

enum SearchToken: Equatable {
    case word(String)
    case han(String)

    var isStopWord: Bool {
        if case .word(let word) = self { SearchText.stopWords.contains(word) } else { false }
    }
}
