import Foundation

/// Chinese as people type it on a Latin keyboard (issue 43): `yaojishi` and `yjs` for 药剂师,
/// `jingsuan` for 精算师. The readings come from Unicode's Unihan database
/// (Resources/pinyin-readings.txt, made by scripts/make_pinyin.py, with its provenance).
enum Pinyin {
    /// Each character's toneless readings, the customary one first.
    static let readings: [Character: [String]] = {
        guard let data = try? BundledData.resource("pinyin-readings", "txt") else { return [:] }
        var readings: [Character: [String]] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, let character = parts[0].first else { continue }
            readings[character] = parts[1].split(separator: " ").map(String.init)
        }
        return readings
    }()

    /// How far from each character a spelling reaches: enough for any query typed, few
    /// enough terms per entry.
    static let span = 6

    /// The Latin words a Han run is also found by: from each character on, up to `span`
    /// characters spelled out (`jingsuanshi…`) and by their initials (`jss…`) — with the
    /// customary reading of each character, and each other reading of one character at a time
    /// (会 in 会计 reads kuai). A character without a known reading ends a spelling.
    static func words(_ run: String) -> [String] {
        let characters = Array(run)
        var words: [String] = []
        for start in characters.indices {
            var syllables: [[String]] = []
            for character in characters[start..<min(characters.count, start + span)] {
                guard let found = readings[character], !found.isEmpty else { break }
                syllables.append(found)
            }
            guard !syllables.isEmpty else { continue }
            var spellings = [syllables.map { $0[0] }]
            for (index, choices) in syllables.enumerated() {
                for other in choices.dropFirst() {
                    var spelling = spellings[0]
                    spelling[index] = other
                    spellings.append(spelling)
                }
            }
            for spelling in spellings {
                words.append(spelling.joined())
                words.append(String(spelling.compactMap(\.first)))
            }
        }
        return words
    }
}
