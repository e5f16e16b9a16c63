import CredenceCore
import Testing

/// Finding 14: every CSV Credence writes neutralizes formula-like cells; reading takes it off.
@Suite struct CSVInjectionTests {
    @Test func formulaCellsGetALeadingQuoteAndComeBackWhole() throws {
        #expect(CatalogCSV.quote("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CatalogCSV.quote("+1") == "'+1")
        #expect(CatalogCSV.quote("-2") == "'-2")
        #expect(CatalogCSV.quote("@SUM(A1)") == "'@SUM(A1)")
        #expect(CatalogCSV.quote("\tx") == "'\tx")
        #expect(CatalogCSV.quote("CFA") == "CFA")
        var entry = try #require(try BundledData.tianjin2023().entries.first)
        entry.remarks = BilingualText(zh: "=1+1", en: "-dangerous")
        let parsed = try CatalogCSV.parse(CatalogCSV.export([entry]), edition: entry.edition)
        #expect(parsed.first?.remarks == entry.remarks)
    }
}
