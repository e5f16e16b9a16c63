@testable import CredenceApp
import CredenceCore
import CredenceStore
import Foundation
import Testing

/// The benefits answer is written by hand from pieces encoded once (`EncodedBenefitAnswer`);
/// it must be the very bytes Foundation's encoder makes of `BenefitEvaluationDTO` with the
/// API's settings, for every kind of answer — when its reasons' words are made, and when
/// they are kept from an earlier answer.
@Suite struct JSONBytesTests {
    static let catalog: Catalog = {
        let file = try! BundledData.tianjin2023()
        return Catalog(editions: [file.edition], entries: file.entries, zones: try! BundledData.zones())
    }()
    static let routes = EncodedBenefitRoutes(BenefitRoutes(try! BundledData.benefitRoutes()))
    static let answer = EncodedBenefitAnswer(BenefitRoutes(try! BundledData.benefitRoutes()))

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
                        let evaluation = try Self.catalog.evaluateBenefits(profile)
                        // The routes' summaries by default; whole with ?include=routes (every fourth, to keep it quick).
                        let whole = compared % 4 == 0
                        let encoded = Array(try APIJSON.encode(BenefitEvaluationDTO(evaluation, routes: Self.routes, wholeRoutes: whole)))
                        #expect(Array(Self.answer.write(evaluation, wholeRoutes: whole).readableBytesView) == encoded, "\(profile)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared == 27 * 5 * 4 * 3)
        // And again: every reason's words are now kept, none made.
        for id in ids {
            let evaluation = try Self.catalog.evaluateBenefits(BenefitProfile(qualifications: [id], age: 66, relevantExperienceYears: 1.5))
            #expect(Array(Self.answer.write(evaluation).readableBytesView) == Array(try APIJSON.encode(BenefitEvaluationDTO(evaluation, routes: Self.routes))))
        }
    }

    @Test func stringsAreEscapedAsTheEncoderEscapesThem() throws {
        let awkward = "quote \" backslash \\ slash / tab \t newline \n return \r \u{08} \u{0C} \u{01} \u{1F} \u{7F} 中文 é 🙂"
        var out = JSONBytes()
        out.string(awkward)
        #expect(out.bytes == Array(try APIJSON.encode(awkward)))
    }

    @Test func theHandWrittenRequestListIsTheEncodersByteForByte() throws {
        let base = VerificationRequest(
            id: UUID(), employerId: UUID(), organizationName: "Acme \"Ltd\" / 天津", entryId: "cfa", edition: "tianjin-2023",
            issuingBodyId: "cfa-institute", holderName: "Ana \\ Souza\n", holderNationality: "BR", holderDateOfBirth: nil,
            passportNumber: "FA1234567", passportMasked: "FA*****67", certificateNumber: "C-1 🙂", issuedOn: "2020-01-02",
            expiresOn: nil, note: "line\tnote", status: .submitted, estimatedCompletionOn: nil, rejectionReason: nil, outcome: nil,
            completedAt: nil, verificationCode: nil, createdAt: Date(timeIntervalSince1970: 1_764_547_200.123),
            updatedAt: Date(timeIntervalSince1970: 1_764_547_300), history: [], attachments: [])
        var completed = base
        completed.status = .completed
        completed.outcome = .authentic
        completed.completedAt = Date(timeIntervalSince1970: 1_764_600_000)
        completed.verificationCode = "ABCD-EFGH"
        completed.holderDateOfBirth = "1990-02-03"
        completed.attachments = [.init(id: UUID(), fileName: "scan \"1\".pdf", kind: .pdf, size: 12_345, sha256: String(repeating: "a", count: 64), createdAt: Date())]
        var erased = base
        erased.status = .rejected
        erased.rejectionReason = .incomplete
        erased.passportMasked = nil
        erased.organizationName = nil
        erased.erasure = PersonalDataErasure(at: Date(timeIntervalSince1970: 1_780_000_000), afterDays: 180)
        let channel = VerificationChannel.writtenRequestDefault
        for next in [nil, "/api/v1/verification-requests?limit=20&after=x"] {
            let dto = VerificationListDTO(requests: [base, completed, erased].enumerated().map { index, request in
                VerificationRequestDTO(request: request, channel: index == 2 ? nil : index == 1 ? .whole(channel) : .summary(id: "cfa-institute", kind: channel.kind), detail: false)
            }, next: next)
            let written = Array(try dto.json().readableBytesView)
            #expect(written == Array(try APIJSON.encode(dto)), "\(String(decoding: written, as: UTF8.self))")
        }
        #expect(Array(try VerificationListDTO(requests: [], next: nil).json().readableBytesView) == Array(try APIJSON.encode(VerificationListDTO(requests: [], next: nil))))
    }
}
