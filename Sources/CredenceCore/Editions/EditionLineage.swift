import Foundation

/// What a notice says of its edition's place among earlier documents: what it repeals and
/// how its effective date is set (Resources/edition-lineage.json). The edition it was made
/// on the basis of is `NoticeTranslation.Predecessor`.
public struct EditionLineage: Sendable, Decodable, Equatable {
    public struct Repeal: Sendable, Decodable, Equatable {
        /// The document number (文号) as printed, and as the glossary renders it in English.
        public var ref: BilingualText
        public var title: BilingualText
        /// The notice's sentence that repeals it.
        public var quote: String
    }

    public struct EffectiveOn: Sendable, Decodable, Equatable {
        public var quote: String
        public var note: BilingualText
    }

    public var edition: String
    public var repeals: [Repeal]
    public var effectiveOn: EffectiveOn
}

extension BundledData {
    /// The lineage of each edition Credence ships, by edition id.
    public static func editionLineages() throws -> [String: EditionLineage] {
        struct File: Decodable { var editions: [EditionLineage] }
        let file = try JSONDecoder().decode(File.self, from: resource("edition-lineage", "json"))
        return Dictionary(file.editions.map { ($0.edition, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
