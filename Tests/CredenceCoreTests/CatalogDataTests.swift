import CredenceCore
import CredenceTestSupport
import Foundation
import Testing

/// The shipped 2023 edition against the notice it transcribes.
@Suite struct CatalogDataTests {
    let file = try! BundledData.tianjin2023()

    /// Annex 1 of the notice, read straight from its text: seq → the six cells.
    static func annexRows() throws -> [Int: [String]] {
        let text = try BundledData.noticeText()
        let start = try #require(text.range(of: " 附件1"))
        let end = try #require(text.range(of: " 附件2"))
        var rows: [Int: [String]] = [:]
        for block in text[start.upperBound..<end.lowerBound].components(separatedBy: "\n\n") {
            let cells = block.components(separatedBy: "\n\t").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\t")) }
            guard cells.count == 6, let seq = Int(cells[0].trimmingCharacters(in: .whitespaces)) else { continue }
            rows[seq] = cells
        }
        return rows
    }

    @Test func theEditionIsTianjin2023InForce() {
        #expect(file.edition.id == "tianjin-2023")
        #expect(file.edition.jurisdiction == "tianjin")
        #expect(file.edition.issuedOn?.description == "2023-12-29")
        #expect(file.edition.effectiveOn?.description == "2023-12-29")
        #expect(file.edition.status == .inForce)
        #expect(file.edition.title.zh == "天津市境外职业资格认可目录（2023年版）")
    }

    @Test func everyEntryMatchesTheNoticeExactly() throws {
        // setup
        let rows = try Self.annexRows()
        #expect(rows.count == 27)
        #expect(file.entries.map(\.seq) == Array(1...27))
        for entry in file.entries {
            let cells = try #require(rows[entry.seq])
            // validate: line breaks inside a cell joined, full-width punctuation kept
            #expect(entry.name.zh == cells[1].replacingOccurrences(of: "\n", with: ""), "name of \(entry.seq)")
            let region = cells[2].trimmingCharacters(in: .whitespaces)
            #expect(entry.region?.zh == (region.isEmpty ? nil : region), "region of \(entry.seq)")
            let issuerZh = cells[3].components(separatedBy: "\n")[0].components(separatedBy: "  ")[0]
                .trimmingCharacters(in: .whitespaces)
            #expect(entry.issuer.zh == issuerZh, "issuer of \(entry.seq)")
            #expect(entry.fields.map(\.name.zh).joined(separator: "、") == cells[4].replacingOccurrences(of: "\n", with: ""))
            #expect(entry.remarks.zh == cells[5].replacingOccurrences(of: "\n", with: ""), "remarks of \(entry.seq)")
        }
    }

    @Test func blankRegionsStayNull() {
        let blank = file.entries.filter { $0.region == nil }.map(\.seq)
        #expect(blank == [4, 8, 9, 15, 17, 18, 19, 20, 21])
    }

    @Test func derivedFieldsFollowTheRemark() {
        for entry in file.entries {
            let reading = RemarkReading(remark: entry.remarks.zh)
            #expect(entry.titleLevel == reading.titleLevel, "titleLevel of \(entry.seq)")
            #expect(entry.minExperienceYears == reading.minExperienceYears, "minExperienceYears of \(entry.seq)")
            #expect(entry.requiresLocalRegistration == reading.requiresLocalRegistration, "registration of \(entry.seq)")
        }
        #expect(file.entries.filter { $0.titleLevel == .deputySenior }.map(\.seq) == [1, 2, 17, 18])
        #expect(file.entries.filter { $0.titleLevel == .intermediate }.map(\.seq) == [3, 6, 7, 9, 12, 13, 14])
        #expect(file.entries.filter { $0.minExperienceYears == 2 }.map(\.seq) == [8] + Array(19...27))
        #expect(file.entries.filter(\.requiresLocalRegistration).map(\.seq) == [25, 26, 27])
    }

    @Test func englishTheNoticePrintsIsKeptAndTheRestSaysWhereItCameFrom() throws {
        let byID = Dictionary(uniqueKeysWithValues: file.entries.map { ($0.id, $0) })
        #expect(byID["cfa"]?.issuer.en == "Chartered Financial Analyst (CFA) Institute")
        #expect(byID["ieee-fellow"]?.issuer.en == "The Institute of Electrical and Electronics Engineers")
        #expect(byID["uk-pharmacist"]?.issuer.en == "General Pharmaceutical Council")
        for entry in file.entries {
            #expect(entry.supplementary["name.en"] != nil, "name.en of \(entry.seq) has no source")
            if !entry.abbreviations.isEmpty { #expect(entry.supplementary["abbreviations"] != nil) }
        }
        // Issuers whose cell has no English: the English is supplementary and sourced.
        for seq in [1, 2, 16, 27] {
            let entry = try #require(file.entries.first { $0.seq == seq })
            #expect(entry.supplementary["issuer.en"] != nil)
        }
    }

    @Test func idsAreUniqueSlugs() {
        let ids = file.entries.map(\.id)
        #expect(Set(ids).count == 27)
        for id in ids { #expect(id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(id)") }
    }

    @Test func theDataFileConformsToItsSchema() throws {
        // setup
        let schema = try JSONSchemaValidator(jsonData: BundledData.resource("catalog-edition.schema", "json"))
        let data = try JSONSerialization.jsonObject(with: BundledData.resource("tianjin-2023", "json"))
        // MUT + validate
        #expect(schema.errors(data, against: schema.root) == [])
        // The schema is not vacuous: a blank region written as "" is refused.
        var broken = try #require(data as? [String: Any])
        var entries = try #require(broken["entries"] as? [[String: Any]])
        entries[3]["region"] = ""
        entries[0]["titleLevel"] = "senior"
        broken["entries"] = entries
        #expect(schema.errors(broken, against: schema.root).count >= 2)
    }

    /// The three FTZ areas and the two linked innovation zones a source names (rules v2), each
    /// with its source.
    @Test func zonesAreTheThreeFTZAreasAndTheLinkedZonesWithASource() throws {
        let zones = try BundledData.zones()
        #expect(Set(zones.filter { $0.kind == .ftzArea }.map(\.name.zh)) == ["天津港东疆片区", "天津机场片区", "滨海新区中心商务片区"])
        #expect(Set(zones.filter { $0.kind == .linkedInnovationZone }.map(\.id)) == ["binhai-hitech-linked", "sino-singapore-eco-city-linked"])
        #expect(zones.count == 5)
        #expect(zones.allSatisfy { ($0.source ?? "").contains("〔") && $0.problems().isEmpty })
        #expect(zones.allSatisfy { !WorkZone.reservedValues.contains($0.id) })
    }
}
