import Foundation

/// The catalog's open-data file: one edition and its entries, as shipped in
/// `Resources/tianjin-2023.json` (described by `catalog-edition.schema.json`).
public struct CatalogFile: Sendable, Decodable {
    public var edition: Edition
    public var sources: [String: String]
    public var entries: [Entry]

    private enum CodingKeys: String, CodingKey { case edition, sources, entries }

    public init(edition: Edition, sources: [String: String] = [:], entries: [Entry]) {
        self.edition = edition
        self.sources = sources
        self.entries = entries
    }

    /// The file's entries do not repeat the edition id; each entry takes the file's.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        edition = try container.decode(Edition.self, forKey: .edition)
        sources = try container.decodeIfPresent([String: String].self, forKey: .sources) ?? [:]
        let editionID = edition.id
        entries = try container.decode([Entry].self, forKey: .entries).map { entry in
            var entry = entry
            entry.edition = editionID
            return entry
        }
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
