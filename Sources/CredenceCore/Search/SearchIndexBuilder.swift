/// Builds a `SearchIndex`'s postings one entry at a time. Each distinct text is tokenized
/// once, into the ids of its terms; an entry's terms are weighed in a flat array, not a
/// dictionary per entry. (A mutating struct rather than a closure over local variables:
/// the closure's captured arrays cost dynamic exclusivity checks on every access — perf.)
/// 100,000 entries: 10.9 s before, 1.7–1.9 s after (credence-search-bench, docs/benchmarks.md).
struct SearchIndexBuilder {
    private var termIDs: [Term: Int32] = [:]
    private var termTexts: [String] = []
    private var termPostings: [[SearchIndex.Posting]] = []
    private var textTerms: [Term: [Int32]] = [:]
    private var entryWeight: [Float] = []
    private var touched: [Int32] = []
    private(set) var abbreviations: [Term: [Int32]] = [:]

    var postings: [Term: [SearchIndex.Posting]] {
        Dictionary(uniqueKeysWithValues: zip(termTexts.map(Term.init), termPostings))
    }

    mutating func index(_ entry: Entry, as doc: Int32) {
        typealias Weight = SearchIndex.Weight
        for abbreviation in entry.abbreviations {
            add(abbreviation, Weight.abbreviation)
            let key = SearchIndex.abbreviationKey(abbreviation)
            if !key.isEmpty, abbreviations[Term(key)]?.last != doc { abbreviations[Term(key), default: []].append(doc) }
        }
        add(entry.name.zh, Weight.name, spelled: true)
        add(entry.name.en, Weight.name)
        for keyword in entry.keywords { add(keyword, Weight.keyword, spelled: true) }
        add(entry.issuer.zh, Weight.issuer, spelled: true)
        add(entry.issuer.en, Weight.issuer)
        if let region = entry.region {
            add(region.zh, Weight.region)
            add(region.en, Weight.region)
            for synonym in SearchSynonyms.regions[region.zh] ?? [] { add(synonym, Weight.region) }
        }
        for field in entry.fields {
            add(field.name.zh, Weight.field)
            add(field.name.en, Weight.field)
        }
        add(entry.remarks.zh, Weight.remarks)
        add(entry.remarks.en, Weight.remarks)
        for id in touched {
            termPostings[Int(id)].append(SearchIndex.Posting(doc: doc, weight: entryWeight[Int(id)]))
            entryWeight[Int(id)] = 0
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// Counts `text`'s terms for the current entry, each at the highest weight it appears with;
    /// `spelled`: its Chinese also by pinyin and by its everyday short forms.
    private mutating func add(_ text: String, _ weight: Float, spelled: Bool = false) {
        if spelled {
            for (full, shortForms) in SearchSynonyms.shortForms where text.contains(full) {
                for shortForm in shortForms { add(shortForm, weight) }
            }
        }
        let ids = termIDs(of: text) + (spelled ? spelledIDs(of: text) : [])
        for id in ids {
            let i = Int(id)
            if entryWeight[i] == 0 { touched.append(id) }
            entryWeight[i] = max(entryWeight[i], weight)
        }
    }

    /// The pinyin words of `text`'s Han runs (`Pinyin.words`).
    private mutating func spelledIDs(of text: String) -> [Int32] {
        var ids: [Int32] = []
        for case .han(let run) in SearchText.tokens(text) {
            for word in Pinyin.words(run) { ids.append(id(of: word)) }
        }
        return ids
    }

    private mutating func termIDs(of text: String) -> [Int32] {
        if let known = textTerms[Term(text)] { return known }
        var ids: [Int32] = []
        for token in SearchText.tokens(text) {
            switch token {
            case .word(let word): ids.append(id(of: word))
            case .han(let run): for term in SearchText.hanTerms(run) { ids.append(id(of: term)) }
            }
        }
        textTerms[Term(text)] = ids
        return ids
    }

    private mutating func id(of term: String) -> Int32 {
        if let id = termIDs[Term(term)] { return id }
        let id = Int32(termTexts.count)
        termIDs[Term(term)] = id
        termTexts.append(term)
        termPostings.append([])
        entryWeight.append(0)
        return id
    }
}
