import CredenceApp
import CredenceCore
import CredenceSheets
import Foundation
import PropertyBased
import Testing

/// Export → import is the identity for generated editions, in every format Credence writes
/// (issue 44): cells that look like formulas, quotes, commas, line breaks, Chinese, and the
/// values Credence adds with their sources.
@Suite struct ExportImportPropertyTests {
    /// Pieces a cell is made of: what breaks CSV quoting, formula guards and XML.
    static let pieces = ["=", "'", "+", "-", "@", ",", "\"", "\n", " ", "<", "&", "测试", "资格", "a", "Z", "9", "é", "🙂", "\t"]

    /// An edition's entries made from random numbers.
    struct Made {
        var entries: [Entry]

        init(_ seeds: [Int]) {
            var numbers = seeds.makeIterator()
            func next(_ n: Int) -> Int { (numbers.next() ?? 0) % n }
            func text(_ length: Int = 6) -> String {
                let made = (0..<(1 + next(length))).map { _ in ExportImportPropertyTests.pieces[next(ExportImportPropertyTests.pieces.count)] }.joined()
                return made.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "x" + made : made
            }
            func word() -> String { text(3).replacingOccurrences(of: "|", with: "") }
            let count = 1 + next(6)
            entries = (0..<count).map { index in
                let region = next(3) == 0 ? nil : BilingualText(zh: text(), en: text())
                return Entry(
                    id: "entry-\(index)", edition: "generated", seq: index + 1 + next(50) * 10, name: BilingualText(zh: text(), en: text()),
                    abbreviations: (0..<next(3)).map { _ in word() }, region: region, issuer: BilingualText(zh: text(), en: text()),
                    fields: Array(ProfessionalField.allCases.shuffled().prefix(1 + next(3))).sorted { $0.rawValue < $1.rawValue },
                    remarks: BilingualText(zh: text(12), en: text(12)), titleLevel: next(3) == 0 ? nil : TitleLevel.allCases[next(2)],
                    minExperienceYears: next(2) == 0 ? nil : next(51), requiresLocalRegistration: next(2) == 0,
                    keywords: (0..<next(3)).map { _ in word() },
                    supplementary: next(2) == 0 ? [:] : ["name.en": text(), "issuer.\(next(9))": text()])
            }
        }
    }

    static let edition = Edition(id: "generated", jurisdiction: "tianjin", title: BilingualText(zh: "生成", en: "Generated"),
                                 issuedOn: nil, effectiveOn: nil, status: .inForce)

    /// The first field that differs, as read and as written.
    static func difference(_ read: [Entry], _ written: [Entry]) -> String {
        for (a, b) in zip(read, written) where a != b {
            for (x, y) in zip(Mirror(reflecting: a).children, Mirror(reflecting: b).children) where "\(x.value)" != "\(y.value)" {
                return "\(x.label ?? ""): read \(String(reflecting: x.value)), written \(String(reflecting: y.value))"
            }
        }
        return "counts \(read.count) and \(written.count)"
    }

    @Test func everyFormatGivesBackWhatItWasGiven() async throws {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int(Int32.max)).array(of: 200...200)) { seeds in
            let entries = Made(seeds).entries
            #expect(entries.flatMap { $0.problems() }.isEmpty, "the generator makes valid entries")
            let json = String(decoding: try APIJSON.encode(EditionExportDTO(edition: Self.edition, entries: entries)), as: UTF8.self)
            #expect(try ImportFile.json(json).entries == entries, "JSON")
            let csv = try ImportFile.csv(CatalogCSV.export(entries), edition: "generated")
            #expect(csv == entries, "CSV: \(Self.difference(csv, entries))")
            let rows = CatalogCSV.rows(entries)
            let workbook = try XLSXWriter.workbook([XLSXWriter.Sheet(name: "generated", rows: rows, textColumns: Set(rows[0].indices))])
            guard case .sheet(let sheet) = try ImportFile.content(workbook, sheet: true) else {
                Issue.record("a workbook read as a sheet")
                return
            }
            let read = try ImportFile.sheet(sheet, edition: "generated")
            #expect(read == entries, "xlsx: \(Self.difference(read, entries))")
        }
    }
}
