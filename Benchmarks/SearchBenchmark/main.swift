// Search latency on a generated 100,000-entry catalog (many jurisdictions), against SQLite
// FTS5 with the trigram tokenizer on the same entries and queries. Prints numbers; asserts
// nothing. Run: swift run -c release credence-search-bench [entryCount]
import CredenceCore
import FluentSQLiteDriver
import Foundation

let entryCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
let queries = [
    "CKA", "cfa", "特许金融", "Society of Actuaries", "pharmacist UK", "药剂师 香港", "IEEE fellow", "精算师",
    "Kubernetes", "Kubernets", "AIA", "CPA",
]
let rounds = 200

/// A small deterministic generator, so every run searches the same catalog.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

/// The real 27 entries, varied across invented jurisdictions and words, so the index sees
/// realistic text at 100k scale (and most queries match many entries).
func generatedCatalog(_ count: Int) throws -> [Entry] {
    let base = try BundledData.tianjin2023().entries
    var random = SplitMix64(state: 2023)
    let places = ["上海", "北京", "海南", "重庆", "深圳", "广州", "苏州", "杭州", "成都", "武汉", "西安", "青岛"]
    let words = ["Advanced", "Chartered", "Senior", "Associate", "Principal", "Global", "Digital", "Clinical",
                 "Strategic", "Applied", "Certified", "Professional", "Engineering", "Data", "Risk", "Audit",
                 "Security", "Network", "Quantum", "Energy", "Maritime", "Aviation", "Logistics", "Trade"]
    let hanWords = ["高级", "资深", "国际", "数字", "临床", "战略", "应用", "注册", "工程", "数据", "风险", "审计"]
    return (0..<count).map { i in
        var entry = base[i % base.count]
        let place = random.pick(places)
        let word = random.pick(words)
        let code = String((0..<3).map { _ in Character(Unicode.Scalar(UInt8(65 + random.next() % 26))) })
        entry.id = "\(entry.id)-\(i)"
        entry.edition = "generated"
        entry.seq = i + 1
        entry.name = BilingualText(zh: "\(place)\(random.pick(hanWords))\(entry.name.zh)", en: "\(word) \(entry.name.en) \(code)")
        entry.abbreviations = entry.abbreviations + [code]
        return entry
    }
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func micros(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12
}

let clock = ContinuousClock()
let entries = try generatedCatalog(entryCount)
let buildStart = clock.now
let index = SearchIndex(entries: entries)
print("Credence SearchIndex: \(entryCount) entries indexed in \(String(format: "%.2f", micros(clock.now - buildStart) / 1e6)) s")

// SQLite FTS5, trigram tokenizer, in memory, same text.
let sqlite: SQLiteConnection = try await SQLiteConnection.open(storage: .memory, logger: Logger(label: "bench"))
_ = try await sqlite.query("""
    CREATE VIRTUAL TABLE entries USING fts5(name_zh, name_en, abbreviations, issuer_zh, issuer_en, region, fields,
    remarks, tokenize = 'trigram')
    """, []).get()
let ftsStart = clock.now
_ = try await sqlite.query("BEGIN", []).get()
for entry in entries {
    _ = try await sqlite.query(
        "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [.text(entry.name.zh), .text(entry.name.en), .text(entry.abbreviations.joined(separator: " ")),
         .text(entry.issuer.zh), .text(entry.issuer.en), .text(entry.region.map { "\($0.zh) \($0.en)" } ?? ""),
         .text(entry.fields.map { "\($0.name.zh) \($0.name.en)" }.joined(separator: " ")), .text(entry.remarks.zh)]).get()
}
_ = try await sqlite.query("COMMIT", []).get()
print("SQLite FTS5 (trigram): \(entryCount) rows inserted in \(String(format: "%.2f", micros(clock.now - ftsStart) / 1e6)) s")

/// FTS5's trigram tokenizer matches substrings of 3+ characters; shorter terms cannot be
/// searched, so they are left out (and the table says how many results remain).
func ftsExpression(_ query: String) -> String? {
    let terms = query.split(separator: " ").filter { $0.count >= 3 }.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }
    return terms.isEmpty ? nil : terms.joined(separator: " OR ")
}

print("")
print("query                  | Credence p50 µs | p99 µs | results | FTS5 p50 µs | p99 µs | results")
print("-----------------------|-----------------|--------|---------|-------------|--------|--------")
var allOurs: [Double] = []
var allFTS: [Double] = []
for query in queries {
    var ours: [Double] = []
    var found = 0
    for _ in 0..<rounds {
        let start = clock.now
        found = index.search(query, limit: 20).count
        ours.append(micros(clock.now - start))
    }
    var fts: [Double] = []
    var ftsFound = 0
    if let expression = ftsExpression(query) {
        for _ in 0..<(rounds / 4) {
            let start = clock.now
            ftsFound = try await sqlite.query(
                "SELECT rowid FROM entries WHERE entries MATCH ? ORDER BY bm25(entries) LIMIT 20", [.text(expression)]).count
            fts.append(micros(clock.now - start))
        }
    }
    ours.sort()
    fts.sort()
    allOurs += ours
    allFTS += fts
    let ftsColumns = fts.isEmpty
        ? "          n/a |    n/a | (terms < 3 chars)"
        : String(format: "%12.0f | %6.0f | %6d", percentile(fts, 0.5), percentile(fts, 0.99), ftsFound)
    print(String(format: "%@ | %15.0f | %6.0f | %7d | %@",
                 query.padding(toLength: 22, withPad: " ", startingAt: 0) as NSString,
                 percentile(ours, 0.5), percentile(ours, 0.99), found, ftsColumns as NSString))
}
allOurs.sort()
allFTS.sort()
print("")
print(String(format: "all queries: Credence p50 %.0f µs, p99 %.0f µs; FTS5 p50 %.0f µs, p99 %.0f µs",
             percentile(allOurs, 0.5), percentile(allOurs, 0.99), percentile(allFTS, 0.5), percentile(allFTS, 0.99)))
try await sqlite.close().get()
