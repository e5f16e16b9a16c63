import Foundation

/// Credence's English translation of the notice (not an official one), kept beside the
/// Chinese text block by block: the n-th block translates the notice's n-th block and
/// carries the same anchor (`二-二`), so a link lands on the same clause in either language.
public struct NoticeTranslation: Decodable, Sendable {
    public struct About: Decodable, Sendable {
        public var zh: String
        public var en: String
        public var source: String
    }

    public struct Block: Decodable, Sendable, Equatable {
        public var anchor: String?
        public var en: String
    }

    public struct Annex1: Decodable, Sendable {
        public var caption: String
        public var columns: [String]
    }

    /// The edition this one was made "on the basis of" — named by the notice, not held.
    public struct Predecessor: Decodable, Sendable {
        /// The edition the notice issued, whose predecessor this is.
        public var edition: String
        public var title: BilingualText
        public var quote: String
        public var held: Bool
        public var note: BilingualText
    }

    /// A term with an established English form, used the same way across the product.
    public struct Term: Decodable, Sendable, Equatable {
        public var zh: String
        public var en: String
    }

    public var about: About
    public var title: String
    public var blocks: [Block]
    public var annex1: Annex1
    public var predecessor: Predecessor
    public var glossary: [Term]

    /// Each block of `notice` with its translation; nil where the two do not line up (a
    /// test walks every anchor so that this never happens with the shipped files).
    public func aligned(with notice: Notice) -> [(chinese: NoticeBlock, english: Block)]? {
        guard blocks.count == notice.blocks.count,
              zip(blocks, notice.blocks).allSatisfy({ $0.anchor == $1.anchor }) else { return nil }
        return Array(zip(notice.blocks, blocks))
    }

    /// Terms whose Chinese form `zh` contains but whose English form `en` lacks.
    public func inconsistencies(zh: String, en: String) -> [Term] {
        glossary.filter { zh.contains($0.zh) && en.range(of: $0.en, options: .caseInsensitive) == nil }
    }
}

extension BundledData {
    public static func noticeTranslation() throws -> NoticeTranslation {
        try JSONDecoder().decode(NoticeTranslation.self, from: resource("notice-tianjin-2023.en", "json"))
    }
}

extension NoticeTranslation {
    /// The words printed under an anchor: its heading or clause and the paragraphs that
    /// follow it up to the next anchor, each with Credence's translation.
    public func passage(_ anchor: String, of notice: Notice) -> [(zh: String, en: String)] {
        guard let aligned = aligned(with: notice), let start = aligned.firstIndex(where: { $0.chinese.anchor == anchor }) else { return [] }
        var passage: [(zh: String, en: String)] = []
        for (offset, (chinese, english)) in aligned[start...].enumerated() {
            if offset > 0, chinese.anchor != nil { break }
            switch chinese {
            case .section(_, let text), .clause(_, let text), .paragraph(let text): passage.append((text, english.en))
            case .annex: break
            }
        }
        return passage
    }
}
