@testable import CredenceCore
import Testing

/// Issue 43: Chinese as people type it — full pinyin, initials, and everyday short forms.
@Suite struct PinyinSearchTests {
    static let index = SearchIndex(entries: try! BundledData.tianjin2023().entries)
    static let pharmacists: Set = ["au-pharmacist", "uk-pharmacist", "hk-pharmacist"]
    static let actuaries: Set = ["fsa", "asa", "fia-ffa", "aia-afa-actuary"]
    static let accountants: Set = ["uscpa", "hk-cpa", "cpa-australia"]

    func ids(_ query: String) -> [String] { Self.index.search(query).map(\.entry.id) }

    @Test(arguments: ["yaojishi", "yjs", "yaoji", "YaoJiShi"])
    func pharmacistsByPinyin(_ query: String) {
        let found = ids(query)
        #expect(Set(found.prefix(3)) == Self.pharmacists, "\(query): \(found)")
    }

    @Test(arguments: ["jingsuan", "jingsuanshi", "jss"])
    func actuariesByPinyin(_ query: String) {
        let found = ids(query)
        #expect(Self.actuaries.isSubset(of: Set(found.prefix(Self.actuaries.count + 1))), "\(query): \(found)")
    }

    @Test(arguments: ["注会", "zhucekuaijishi", "zckjs"])
    func accountantsByShortFormAndTheOtherReading(_ query: String) {
        let found = ids(query)
        #expect(Self.accountants.isSubset(of: Set(found)), "\(query): \(found)")
    }

    @Test func readingsComeFromUnihanWithTheCustomaryOneFirst() {
        #expect(Pinyin.readings["会"] == ["hui", "kuai"] && Pinyin.readings["药"] == ["yao"] && Pinyin.readings["绿"]?.first == "lv")
        #expect(Pinyin.readings.count >= 6763, "every GB 2312 character")
        #expect(Pinyin.words("药剂师").contains("yaojishi") && Pinyin.words("药剂师").contains("yjs"))
    }

    @Test func englishQueriesAreUnchanged() {
        #expect(ids("actuary").prefix(4).allSatisfy(Self.actuaries.contains))
        #expect(ids("pharmacist UK").first == "uk-pharmacist")
        #expect(ids("cfa").first == "cfa")
    }
}
