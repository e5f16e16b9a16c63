import Foundation

/// The notice as a document a page can show and link into: its title and its blocks, each
/// heading and clause with an anchor (`二`, `二-二`, `附件2-一`) that later features cite.
public struct Notice: Sendable {
    public var title: String
    public var blocks: [NoticeBlock]

    /// Reads the notice's published text. The annex 1 table is not repeated here: it is
    /// the catalog itself, shown from the catalog data.
    public init(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var index = 0
        var titleLines: [String] = []
        while index < lines.count, !lines[index].isEmpty || titleLines.isEmpty {
            if !lines[index].isEmpty { titleLines.append(lines[index]) }
            index += 1
        }
        title = titleLines.joined()

        var blocks: [NoticeBlock] = []
        var annex: String?
        var section: String?
        var skippingTable = false
        for line in lines[index...] where !line.isEmpty {
            if let number = Self.annexNumber(line) {
                annex = number
                section = nil
                skippingTable = number == "1"
                blocks.append(.annex(anchor: "附件\(number)", number: number))
                continue
            }
            if skippingTable { continue }
            let prefix = annex.map { "附件\($0)-" } ?? ""
            if let numeral = Self.leadingNumeral(line, open: "", close: "、") {
                section = numeral
                blocks.append(.section(anchor: prefix + numeral, text: line))
            } else if let numeral = Self.leadingNumeral(line, open: "（", close: "）"), let section {
                blocks.append(.clause(anchor: "\(prefix)\(section)-\(numeral)", text: line))
            } else {
                blocks.append(.paragraph(line))
            }
        }
        self.blocks = blocks
    }

    /// The heading or clause with this anchor, if the notice has one.
    public func block(anchor: String) -> NoticeBlock? {
        blocks.first { $0.anchor == anchor }
    }

    private static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// `二、支持政策` → `二`; `（三）提供出入境便利。` → `三`.
    private static func leadingNumeral(_ line: String, open: String, close: Character) -> String? {
        guard line.hasPrefix(open) else { return nil }
        let rest = line.dropFirst(open.count)
        let numeral = rest.prefix(while: { numerals.contains($0) })
        guard !numeral.isEmpty, rest.dropFirst(numeral.count).first == close else { return nil }
        return String(numeral)
    }

    /// A line that is only `附件1` or `附件2` starts an annex.
    private static func annexNumber(_ line: String) -> String? {
        guard line.hasPrefix("附件"), line.count <= 4 else { return nil }
        let number = line.dropFirst(2)
        return !number.isEmpty && number.allSatisfy(\.isNumber) ? String(number) : nil
    }
}

public enum NoticeBlock: Sendable, Equatable {
    case section(anchor: String, text: String)
    case clause(anchor: String, text: String)
    case paragraph(String)
    case annex(anchor: String, number: String)

    public var anchor: String? {
        switch self {
        case .section(let anchor, _), .clause(let anchor, _), .annex(let anchor, _): anchor
        case .paragraph: nil
        }
    }
}

extension Notice {
    /// The anchor of the place that prints `quote`: the heading or clause holding it (a
    /// paragraph belongs to the heading or clause before it), or `附件1` for the catalog's
    /// table, which `blocks` leaves out. Nil when the notice does not print it.
    public func anchor(quoting quote: String, in text: String) -> String? {
        var current: String?
        for block in blocks {
            if let anchor = block.anchor { current = anchor }
            let printed: String? = switch block {
            case .section(_, let text), .clause(_, let text), .paragraph(let text): text
            case .annex: nil
            }
            if printed?.contains(quote) == true { return current }
        }
        return text.contains(quote) ? "附件1" : nil
    }
}
