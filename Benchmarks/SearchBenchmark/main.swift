import CredenceCore
let file = try BundledData.tianjin2023()
let index = SearchIndex(entries: file.entries)
for q in CommandLine.arguments.dropFirst() {
    print("== \(q)")
    for hit in index.search(q, limit: 6) { print("  \(hit.entry.seq) \(hit.entry.id) \(hit.score)") }
}
