import Foundation

/// An in-memory inverted index over one edition's entries, answering what people type:
/// abbreviations (`CKA`), Chinese without spaces (`特许金融`), English in any order or case
/// (`pharmacist UK`), issuer and field names, prefixes (`Kube`) and small typos (`Kubernets`).
///
/// Built once per catalog snapshot. A query touches only the posting lists of its own
/// terms, so its cost follows the number of matching entries, not the catalog's size.
public struct SearchIndex: Sendable {
    public let entries: [Entry]
    private let postings: [Term: [Posting]]
    private let abbreviations: [Term: [Int32]]
    /// Every Latin/digit term, sorted, for prefix expansion.
    private let vocabulary: [String]
    /// Padded trigram → indices into `vocabulary`, for typo candidates.
    private let vocabularyTrigrams: [Term: [Int32]]

    struct Posting: Sendable {
        var doc: Int32
        var weight: Float
    }

    /// How much a match in each part of an entry counts.
    enum Weight {
        static let abbreviation: Float = 8
        static let name: Float = 6
        static let keyword: Float = 4
        static let issuer: Float = 3
        static let region: Float = 3
        static let field: Float = 2
        static let remarks: Float = 0.5
        /// Added when a query word is exactly one of an entry's abbreviations, so `CKA` puts
        /// the administrator certification above CKAD.
        static let exactAbbreviation: Float = 20
    }

    public init(entries: [Entry]) {
        self.entries = entries
        var builder = SearchIndexBuilder()
        for (index, entry) in entries.enumerated() { builder.index(entry, as: Int32(index)) }
        let postings = builder.postings
        let abbreviations = builder.abbreviations
        self.postings = postings
        self.abbreviations = abbreviations
        // Byte order is String order here: terms are NFC (NFKC), whose UTF-8 sorts as its scalars do.
        let vocabulary = postings.keys.map(\.text).filter { !($0.unicodeScalars.first.map(SearchText.isHan) ?? true) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        self.vocabulary = vocabulary
        var trigrams: [Term: [Int32]] = [:]
        for (index, word) in vocabulary.enumerated() where word.count >= 3 {
            for trigram in Self.trigrams(of: word) { trigrams[Term(trigram), default: []].append(Int32(index)) }
        }
        self.vocabularyTrigrams = trigrams
    }

    /// The best `limit` entries for `query`, best first. Entries matching more of the
    /// query's words rank above entries matching fewer; ties go to catalog order.
    public func search(_ query: String, limit: Int = 20) -> [SearchHit] {
        var tokens = SearchText.tokens(query)
        // "of" alone is still a query; "Society of Actuaries" is searched without it.
        if !tokens.allSatisfy(\.isStopWord) { tokens.removeAll(where: \.isStopWord) }
        guard !tokens.isEmpty, limit > 0, !entries.isEmpty else { return [] }

        var score = [Float](repeating: 0, count: entries.count)
        var coverage = [Float](repeating: 0, count: entries.count)
        var matched: [Int32] = []
        var termScore = [Float](repeating: 0, count: entries.count)
        var termCoverage = [Float](repeating: 0, count: entries.count)
        var touched: [Int32] = []

        for token in tokens {
            switch token {
            case .word(let word):
                for (term, quality) in expansions(of: word) {
                    for posting in postings[Term(term)] ?? [] {
                        let i = Int(posting.doc)
                        if termCoverage[i] == 0 { touched.append(posting.doc); termCoverage[i] = 1 }
                        termScore[i] = max(termScore[i], quality * posting.weight)
                    }
                }
                for doc in abbreviations[Term(Self.abbreviationKey(word))] ?? [] {
                    let i = Int(doc)
                    if termCoverage[i] == 0 { touched.append(doc); termCoverage[i] = 1 }
                    termScore[i] += Weight.exactAbbreviation
                }
            case .han(let run):
                let characters = Array(run)
                let parts = characters.count == 1
                    ? [run] : (0..<(characters.count - 1)).map { String(characters[$0...$0 + 1]) }
                let share = 1 / Float(parts.count)
                for part in parts {
                    for posting in postings[Term(part)] ?? [] {
                        let i = Int(posting.doc)
                        if termCoverage[i] == 0 { touched.append(posting.doc) }
                        termCoverage[i] += share
                        termScore[i] += share * posting.weight
                    }
                }
            }
            for doc in touched {
                let i = Int(doc)
                if coverage[i] == 0 { matched.append(doc) }
                score[i] += termScore[i]
                coverage[i] += termCoverage[i]
                termScore[i] = 0
                termCoverage[i] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }

        let termCount = Float(tokens.count)
        var ranked = matched.map { doc -> (doc: Int32, value: Float) in
            let share = coverage[Int(doc)] / termCount
            return (doc, score[Int(doc)] * share * share)
        }
        ranked.sort { $0.value != $1.value ? $0.value > $1.value : $0.doc < $1.doc }
        return ranked.prefix(limit).map { SearchHit(entry: entries[Int($0.doc)], score: Double($0.value)) }
    }

    /// The indexed terms a query word stands for, with how well each matches: itself,
    /// longer words it begins, and (when it matches nothing as typed) words within a typo.
    private func expansions(of word: String) -> [(String, Float)] {
        var result: [(String, Float)] = []
        let exact = postings[Term(word)] != nil
        if exact { result.append((word, 1)) }
        if word.count >= 2 {
            var i = lowerBound(word)
            var added = 0
            while i < vocabulary.count, added < 64, vocabulary[i].hasPrefix(word) {
                if vocabulary[i] != word { result.append((vocabulary[i], 0.7)); added += 1 }
                i += 1
            }
        }
        if !exact, word.count >= 4 {
            let limit = word.count >= 8 ? 2 : 1
            let target = Array(word.unicodeScalars)
            var shared: [Int32: Int] = [:]
            for trigram in Self.trigrams(of: word) {
                for index in vocabularyTrigrams[Term(trigram)] ?? [] { shared[index, default: 0] += 1 }
            }
            let needed = max(1, word.count - 3 * limit)
            for (index, count) in shared where count >= needed {
                let candidate = vocabulary[Int(index)]
                if let distance = editDistance(target, Array(candidate.unicodeScalars), limit: limit), distance > 0 {
                    result.append((candidate, distance == 1 ? 0.55 : 0.4))
                }
            }
        }
        return result
    }

    private func lowerBound(_ word: String) -> Int {
        var low = 0
        var high = vocabulary.count
        while low < high {
            let mid = (low + high) / 2
            if vocabulary[mid].utf8.lexicographicallyPrecedes(word.utf8) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func abbreviationKey(_ text: String) -> String {
        String(String.UnicodeScalarView(SearchText.normalize(text).unicodeScalars.filter(SearchText.isWordScalar)))
    }

    static func trigrams(of word: String) -> [String] {
        let scalars = Array("$\(word)$".unicodeScalars)
        guard scalars.count >= 3 else { return [] }
        return (0...(scalars.count - 3)).map { String(String.UnicodeScalarView(scalars[$0..<$0 + 3])) }
    }
}

/// A term (or a text) as a dictionary key, hashed and compared by its UTF-8 bytes. Terms are
/// NFKC-normalized and folded before they become keys, so equal bytes is equal text; String's
/// own hashing normalizes again on every hash — a fifth of an index build (perf).
struct Term: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: Term, b: Term) -> Bool {
        var (x, y) = (a.text, b.text)
        return x.withUTF8 { x in
            y.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

public struct SearchHit: Sendable, Equatable {
    public var entry: Entry
    public var score: Double
}
