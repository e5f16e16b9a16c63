@testable import CredenceApp
import CredenceCore
import CredenceStore
import Foundation
import Testing

/// The benefits answer is written by hand (`BenefitEvaluationDTO.json()`); it must be the
/// very bytes Foundation's encoder makes with the API's settings, for every kind of answer.
@Suite struct JSONBytesTests {
    static let catalog: Catalog = {
        let file = try! BundledData.tianjin2023()
        return Catalog(editions: [file.edition], entries: file.entries, zones: try! BundledData.zones())
    }()

    @Test func theHandWrittenBenefitsAnswerIsTheEncodersByteForByte() throws {
        let ids = (Self.catalog.entries(of: "tianjin-2023") ?? []).map(\.id)
        var compared = 0
        for (index, id) in ids.enumerated() {
            for nationality in [nil] + Nationality.allCases {
                for age in [nil, 40, 66, 71] {
                    for zone in [nil, WorkZone.outside, WorkZone.zone(Self.catalog.zones[0].id)] {
                        let profile = BenefitProfile(
                            qualifications: index % 3 == 0 ? [id, ids[(index + 5) % ids.count]] : [id], nationality: nationality,
                            age: age, highTechIndustry: age.map { $0 > 60 }, relevantExperienceYears: age.map { _ in 1.5 },
                            workZone: zone, meetsTitleCriteria: zone == nil ? nil : true, classA: nationality == .foreign ? true : nil,
                            localPharmacistRegistration: index % 2 == 0 ? nil : false)
                        let dto = BenefitEvaluationDTO(try Self.catalog.evaluateBenefits(profile))
                        #expect(dto.json() == Array(try APIJSON.encode(dto)), "\(profile)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared == 27 * 5 * 4 * 3)
    }

    @Test func stringsAreEscapedAsTheEncoderEscapesThem() throws {
        let awkward = "quote \" backslash \\ slash / tab \t newline \n return \r \u{08} \u{0C} \u{01} \u{1F} \u{7F} 中文 é 🙂"
        var out = JSONBytes()
        out.string(awkward)
        #expect(out.bytes == Array(try APIJSON.encode(awkward)))
    }
}
