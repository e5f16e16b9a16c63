import CredenceCore
import Foundation
import Testing

/// Issue 21: every channel comes from the registry's data file, as found, with its
/// evidence and confidence; stated turnarounds are converted and labelled, the rest are
/// labelled planning defaults; an administrator's confirmation raises the confidence.
@Suite struct ChannelRegistryTests {
    /// The data file as shipped, read independently of the product's decoder.
    static func dataFile() throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: BundledData.resource("issuing-body-channels", "json")) as? [String: Any])
        return try #require(object["bodies"] as? [[String: Any]])
    }

    @Test func everyBodysChannelIsTheDataFilesWithItsEvidenceAndConfidence() throws {
        let found = Dictionary(uniqueKeysWithValues: try Self.dataFile().map { ($0["id"] as! String, $0) })
        let bodies = try BundledData.issuingBodies()
        #expect(bodies.count == 22)
        #expect(Set(bodies.map(\.id)) == Set(found.keys))
        for body in bodies {
            let data = try #require(found[body.id])
            let channel = body.channel
            #expect(channel.url == data["url"] as? String, "\(body.id): url")
            #expect(channel.confidence.rawValue == data["confidence"] as? String, "\(body.id): confidence")
            #expect(channel.inputs == data["inputs"] as? [String], "\(body.id): inputs")
            let evidence = try #require(data["evidence"] as? [[String: String]])
            #expect(channel.evidence.map(\.quote) == evidence.map { $0["quote"]! }, "\(body.id): every evidence entry kept")
            if channel.url != nil { #expect(!channel.evidence.isEmpty, "\(body.id): an address has evidence") }
            if channel.confidence == .noneFound {
                // "a written request to the body with no address, said plainly"
                #expect(channel.kind == .writtenRequest && channel.url == nil, "\(body.id)")
                #expect(channel.source.contains("no public channel or documented request was found"))
            }
            #expect(channel.confirmation == nil)
            #expect(channel.problems().isEmpty, "\(body.id): an administrator can confirm it as it stands: \(channel.problems())")
        }
        #expect(try BundledData.issuingBodies().filter { $0.channel.confidence == .noneFound }.map(\.id).sorted()
                == ["aia-accountants", "aws", "garp", "icaew", "ieee", "ima", "ipa", "macao-dssopt", "peoplecert", "soa"])
    }

    @Test func aStatedTurnaroundIsConvertedAndEveryOtherFigureIsADefault() throws {
        let bodies = Dictionary(uniqueKeysWithValues: try BundledData.issuingBodies().map { ($0.id, $0.channel) })
        // IFoA: "2 weeks (IFoA stated response time for 'Reference or verification of membership requests')"
        let ifoa = try #require(bodies["ifoa"])
        #expect(ifoa.typicalWorkingDays == 10 && ifoa.workingDaysBasis == .stated)
        #expect(ifoa.turnaround?.contains("2 weeks") == true)
        #expect(ifoa.source.contains("2 weeks = 10 working days"))
        let defaults: [ChannelKind: Int] = [.publicRegister: 2, .badgeValidation: 2, .directory: 5, .writtenRequest: 15]
        for (id, channel) in bodies where id != "ifoa" {
            #expect(channel.workingDaysBasis == .planningDefault, "\(id)")
            #expect(channel.typicalWorkingDays == defaults[channel.kind], "\(id)")
            #expect(channel.source.contains("planning default"), "\(id)")
        }
    }

    @Test func everyCatalogEntryHasItsBody() throws {
        let registry = IssuingBodyRegistry(try BundledData.issuingBodies())
        for entry in try BundledData.tianjin2023().entries {
            #expect(registry.body(for: entry.id).id != "unknown", "\(entry.id)")
        }
    }

    @Test func aConfirmationRaisesTheConfidenceAndKeepsTheEvidenceAndAStatedFigure() throws {
        let ifoa = try #require(try BundledData.issuingBodies().first { $0.id == "ifoa" }).channel
        let day = try #require(CalendarDate("2026-11-30"))
        let same = ifoa.confirmed(as: ChannelCorrection(kind: ifoa.kind, url: ifoa.url, inputs: ifoa.inputs, typicalWorkingDays: 10,
                                                        source: "Called IFoA membership team"), by: "Li Ming", on: day)
        #expect(same.confidence == .confirmed)
        #expect(same.confirmation == ChannelConfirmation(by: "Li Ming", on: "2026-11-30", source: "Called IFoA membership team"))
        #expect(same.confirmation?.sentence.en == "Confirmed by Li Ming on 2026-11-30")
        #expect(same.evidence == ifoa.evidence)
        #expect(same.workingDaysBasis == .stated && same.turnaround == ifoa.turnaround)
        // Changed days without a basis are never passed off as stated.
        let changed = ifoa.confirmed(as: ChannelCorrection(kind: ifoa.kind, url: ifoa.url, inputs: ifoa.inputs, typicalWorkingDays: 12,
                                                           source: "x"), by: "Li Ming", on: day)
        #expect(changed.workingDaysBasis == .planningDefault)
        let stated = ifoa.confirmed(as: ChannelCorrection(kind: ifoa.kind, url: ifoa.url, inputs: ifoa.inputs, typicalWorkingDays: 12,
                                                          workingDaysBasis: .stated, turnaround: .some(nil), source: "x"), by: "Li Ming", on: day)
        #expect(stated.problems().map(\.field) == ["channel.turnaround"])
    }
}
