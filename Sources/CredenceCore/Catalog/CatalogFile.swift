import Foundation

/// The catalog's open-data file: one edition and its entries, as shipped in
/// `Resources/tianjin-2023.json` (described by `catalog-edition.schema.json`).
public struct CatalogFile: Sendable, Codable {
    public var edition: Edition
    public var sources: [String: String]
    public var entries: [Entry]

    private struct RawEntry: Codable {
        var id: String
        var seq: Int
        var name: BilingualText
        var abbreviations: [String]
        var region: BilingualText?
        var issuer: BilingualText
        var fields: [ProfessionalField]
        var remarks: BilingualText
        var titleLevel: TitleLevel?
        var minExperienceYears: Int?
        var requiresLocalRegistration: Bool
        var keywords: [String]?
        var supplementary: [String: String]?
    }

    private enum CodingKeys: String, CodingKey { case edition, sources, entries }

    public init(edition: Edition, sources: [String: String] = [:], entries: [Entry]) {
        self.edition = edition
        self.sources = sources
        self.entries = entries
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        edition = try container.decode(Edition.self, forKey: .edition)
        sources = try container.decodeIfPresent([String: String].self, forKey: .sources) ?? [:]
        let editionID = edition.id
        entries = try container.decode([RawEntry].self, forKey: .entries).map { raw in
            Entry(
                id: raw.id, edition: editionID, seq: raw.seq, name: raw.name, abbreviations: raw.abbreviations,
                region: raw.region, issuer: raw.issuer, fields: raw.fields, remarks: raw.remarks,
                titleLevel: raw.titleLevel, minExperienceYears: raw.minExperienceYears,
                requiresLocalRegistration: raw.requiresLocalRegistration, keywords: raw.keywords ?? [],
                supplementary: raw.supplementary ?? [:])
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(edition, forKey: .edition)
        try container.encode(sources, forKey: .sources)
        try container.encode(entries.map { entry in
            RawEntry(
                id: entry.id, seq: entry.seq, name: entry.name, abbreviations: entry.abbreviations,
                region: entry.region, issuer: entry.issuer, fields: entry.fields, remarks: entry.remarks,
                titleLevel: entry.titleLevel, minExperienceYears: entry.minExperienceYears,
                requiresLocalRegistration: entry.requiresLocalRegistration, keywords: entry.keywords,
                supplementary: entry.supplementary)
        }, forKey: .entries)
    }
}

/// The data Credence ships: the 2023 Tianjin edition, its zones and the notice's text.
public enum BundledData {
    public static func tianjin2023() throws -> CatalogFile {
        try JSONDecoder().decode(CatalogFile.self, from: resource("tianjin-2023", "json"))
    }

    public static func zones() throws -> [Zone] {
        struct ZonesFile: Decodable { var zones: [Zone] }
        return try JSONDecoder().decode(ZonesFile.self, from: resource("zones", "json")).zones
    }

    /// The notice exactly as published, annexes included.
    public static func noticeText() throws -> String {
        String(decoding: try resource("notice-tianjin-2023", "txt"), as: UTF8.self)
    }

    public static func resource(_ name: String, _ ext: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Resources/\(name).\(ext)"])
        }
        return try Data(contentsOf: url)
    }
}
