@testable import CredenceCore
import Crypto
import Testing

@Suite struct ValueTests {
    @Test func digestsAreWrittenInLowerCaseHex() {
        // FIPS 180-2's example: SHA-256("abc").
        #expect(SHA256.hash(data: Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect([UInt8]([0x00, 0x0f, 0xf0, 0xff]).hex == "000ff0ff")
        #expect([UInt8]().hex == "")
    }

    @Test(arguments: ["2023-12-29", "2024-02-29", "2000-02-29", "0138-12-05", "0004-01-01"])
    func validDatesRoundTrip(text: String) {
        #expect(CalendarDate(text)?.description == text)
    }

    @Test(arguments: ["2023-02-29", "2023-13-01", "2023-1-01", "23-12-29", "2023-12-29T00:00", "", "1900-02-29"])
    func invalidDatesAreRefused(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func editDistanceCountsTyposUpToItsLimit() {
        func d(_ a: String, _ b: String, _ limit: Int = 2) -> Int? {
            editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
        }
        #expect(d("kubernets", "kubernetes") == 1)
        #expect(d("acutary", "actuary") == 1)  // a transposition is one edit
        #expect(d("abc", "xyz") == nil)
        #expect(d("same", "same") == 0)
    }

    @Test func filtersSelectByFieldAndRegion() throws {
        let snapshot = CatalogSnapshot(catalog: Catalog(
            editions: [try BundledData.tianjin2023().edition], entries: try BundledData.tianjin2023().entries, zones: []))
        #expect(try snapshot.entries(filter: .init(field: .healthcare)).entries.count == 3)
        #expect(try snapshot.entries(filter: .init(region: "英国")).entries.map(\.seq) == [10, 11, 12, 13, 26])
        #expect(try snapshot.entries(filter: .init(region: "united kingdom")).entries.count == 5)
        #expect(try snapshot.entries(filter: .init(region: "none")).entries.count == 9)
        #expect(throws: CatalogError.unknownEdition("nope")) { try snapshot.entries(edition: "nope") }
        #expect(throws: CatalogError.unknownEntry("nope", edition: "tianjin-2023")) { try snapshot.catalog.entry("nope") }
    }
}
