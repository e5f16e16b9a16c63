import CredenceCore
import Testing

/// What people type, and what they must find first.
@Suite struct SearchTests {
    static let index = SearchIndex(entries: try! BundledData.tianjin2023().entries)

    func ids(_ query: String, limit: Int = 20) -> [String] {
        Self.index.search(query, limit: limit).map(\.entry.id)
    }

    @Test(arguments: [
        ("CKA", "cka"), ("cka", "cka"), ("cfa", "cfa"), ("ＣＦＡ", "cfa"), ("特许金融", "cfa"),
        ("Society of Actuaries", "fsa"), ("pharmacist UK", "uk-pharmacist"), ("药剂师 香港", "hk-pharmacist"),
        ("IEEE fellow", "ieee-fellow"), ("fellow IEEE", "ieee-fellow"), ("IEEE高级会员", "ieee-senior-member"),
        ("CKAD", "ckad"), ("CKS", "cks"), ("Kubernetes security", "cks"), ("ACCA", "acca"), ("USCPA", "uscpa"),
        ("FRM", "frm"), ("ITIL", "itil-expert"), ("AWS", "aws-solutions-architect-professional"),
        ("DevOps", "microsoft-devops-engineer-expert"), ("注册专业规划师", "hk-registered-professional-planner"),
        ("城市规划师 澳门", "macao-urban-planner"), ("General Pharmaceutical Council", "uk-pharmacist"),
        ("Chartered Certified Accountants", "acca"), ("英格兰", "aca-icaew"),
    ])
    func bestResult(query: String, expected: String) {
        #expect(ids(query).first == expected, "\(query) → \(ids(query).prefix(3))")
    }

    @Test func anExactAbbreviationOutranksALongerOne() {
        let results = ids("CKA")
        #expect(results.first == "cka")
        #expect(results.contains("ckad"))
        #expect(results.firstIndex(of: "cka")! < results.firstIndex(of: "ckad")!)
    }

    @Test func anAmbiguousAbbreviationReturnsEveryCandidateFirst() {
        #expect(Set(ids("AIA").prefix(2)) == ["aia-accountant", "aia-afa-actuary"])
        #expect(Set(ids("CPA").prefix(3)) == ["uscpa", "cpa-australia", "hk-cpa"])
    }

    @Test func chineseWithoutSpacesFindsEveryActuary() {
        #expect(Set(ids("精算师").prefix(4)) == ["fsa", "asa", "fia-ffa", "aia-afa-actuary"])
        #expect(Set(ids("药剂师").prefix(3)) == ["au-pharmacist", "uk-pharmacist", "hk-pharmacist"])
    }

    @Test func typosAndPrefixesStillFind() {
        #expect(Set(ids("Kubernets").prefix(3)) == ["ckad", "cka", "cks"])
        #expect(Set(ids("Kubernetes").prefix(3)) == ["ckad", "cka", "cks"])
        #expect(Set(ids("kube").prefix(3)) == ["ckad", "cka", "cks"])
        #expect(ids("Acturies").prefix(4).contains("fsa"))
    }

    @Test func fieldAndRegionNamesFind() {
        #expect(Set(ids("healthcare")) == ["au-pharmacist", "uk-pharmacist", "hk-pharmacist"])
        #expect(ids("医疗健康服务").count == 3)
        #expect(Set(ids("Greece")) == ["itil-expert"])
    }

    @Test func nothingMatchesNonsenseOrPunctuation() {
        #expect(ids("zzzzqqq").isEmpty)
        #expect(ids("  ,.;!  ").isEmpty)
        #expect(ids("").isEmpty)
    }

    @Test func limitAndOrderAreHonoured() {
        let hits = Self.index.search("金融", limit: 3)
        #expect(hits.count == 3)
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score })
    }
}
