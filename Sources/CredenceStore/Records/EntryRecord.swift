import CredenceCore
import FluentKit
import Foundation

/// The `entries` table: one row per entry per edition.
final class EntryRecord: Model, @unchecked Sendable {
    static let schema = "entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "edition_id") var editionID: String
    @Field(key: "entry_id") var entryID: String
    @Field(key: "seq") var seq: Int
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "abbreviations") var abbreviations: [String]
    @OptionalField(key: "region_zh") var regionZh: String?
    @OptionalField(key: "region_en") var regionEn: String?
    @Field(key: "issuer_zh") var issuerZh: String
    @Field(key: "issuer_en") var issuerEn: String
    @Field(key: "fields") var fields: [String]
    @Field(key: "remarks_zh") var remarksZh: String
    @Field(key: "remarks_en") var remarksEn: String
    @OptionalField(key: "title_level") var titleLevel: String?
    @OptionalField(key: "min_experience_years") var minExperienceYears: Int?
    @Field(key: "requires_local_registration") var requiresLocalRegistration: Bool
    @Field(key: "keywords") var keywords: [String]
    @Field(key: "supplementary") var supplementary: [String: String]

    init() {}

    init(_ entry: Entry) {
        editionID = entry.edition
        entryID = entry.id
        seq = entry.seq
        nameZh = entry.name.zh
        nameEn = entry.name.en
        abbreviations = entry.abbreviations
        regionZh = entry.region?.zh
        regionEn = entry.region?.en
        issuerZh = entry.issuer.zh
        issuerEn = entry.issuer.en
        fields = entry.fields.map(\.rawValue)
        remarksZh = entry.remarks.zh
        remarksEn = entry.remarks.en
        titleLevel = entry.titleLevel?.rawValue
        minExperienceYears = entry.minExperienceYears
        requiresLocalRegistration = entry.requiresLocalRegistration
        keywords = entry.keywords
        supplementary = entry.supplementary
    }

    func entry() throws -> Entry {
        func bad(_ problem: String) -> StoreDataError {
            StoreDataError(table: Self.schema, row: "\(editionID)/\(entryID)", problem: problem)
        }
        let fields = try fields.map { code in
            guard let field = ProfessionalField(rawValue: code) else { throw bad("unknown field \(code)") }
            return field
        }
        var level: TitleLevel?
        if let titleLevel {
            guard let parsed = TitleLevel(rawValue: titleLevel) else { throw bad("unknown title level \(titleLevel)") }
            level = parsed
        }
        let region = regionZh.map { BilingualText(zh: $0, en: regionEn ?? "") }
        return Entry(
            id: entryID, edition: editionID, seq: seq, name: BilingualText(zh: nameZh, en: nameEn),
            abbreviations: abbreviations, region: region, issuer: BilingualText(zh: issuerZh, en: issuerEn),
            fields: fields, remarks: BilingualText(zh: remarksZh, en: remarksEn), titleLevel: level,
            minExperienceYears: minExperienceYears, requiresLocalRegistration: requiresLocalRegistration,
            keywords: keywords, supplementary: supplementary)
    }
}
