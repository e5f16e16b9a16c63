import Foundation

// The parts of a workbook the reader needs, as XMLCoder decodes them (element and attribute
// names as ECMA-376 spells them; what is not needed is not declared and is skipped).

/// `xl/workbook.xml`: the sheets in order, and which day numbering dates use.
struct Workbook: Decodable {
    struct Sheets: Decodable { var sheet: [SheetReference] }
    struct SheetReference: Decodable {
        var name: String?
        var rid: String
        enum CodingKeys: String, CodingKey { case name, rid = "r:id" }
    }
    struct Properties: Decodable { var date1904: String? }

    var sheets: Sheets
    var workbookPr: Properties?
}

/// `xl/_rels/workbook.xml.rels`: where each sheet's part is.
struct Relationships: Decodable {
    struct Relationship: Decodable {
        var id: String
        var target: String
        enum CodingKeys: String, CodingKey { case id = "Id", target = "Target" }
    }
    var relationship: [Relationship]
    enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
}

/// Text as `<t>` holds it (it may carry `xml:space`, so it is read as an element's value).
struct TextElement: Decodable {
    var value: String?
    enum CodingKeys: String, CodingKey { case value = "" }
}

/// A string item (`<si>`, `<is>`): plain `<t>`, or rich-text runs `<r><t>` joined; phonetic
/// runs (`<rPh>`) are not part of the text.
struct StringItem: Decodable {
    struct Run: Decodable { var t: TextElement? }
    var t: TextElement?
    var r: [Run]?

    var text: String { t?.value ?? (r ?? []).map { $0.t?.value ?? "" }.joined() }
}

/// `xl/sharedStrings.xml`.
struct SharedStrings: Decodable {
    var si: [StringItem]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        si = try container.decodeIfPresent([StringItem].self, forKey: .si) ?? []
    }
    enum CodingKeys: String, CodingKey { case si }
}

/// `xl/worksheets/sheetN.xml`: rows of cells.
struct Worksheet: Decodable {
    struct Cell: Decodable {
        /// "B3".
        var r: String?
        /// The style's index in `cellXfs`.
        var s: Int?
        /// s, inlineStr, str, b, n, e, d.
        var t: String?
        var v: TextElement?
        var `is`: StringItem?
    }
    struct Row: Decodable {
        var r: Int?
        var c: [Cell]?
    }
    struct SheetData: Decodable { var row: [Row]? }
    var sheetData: SheetData
}

/// `xl/styles.xml`: the number format of each cell style, and the workbook's own formats.
struct Styles: Decodable {
    struct NumberFormat: Decodable {
        var numFmtId: Int
        var formatCode: String
    }
    struct NumberFormats: Decodable { var numFmt: [NumberFormat]? }
    struct CellFormat: Decodable { var numFmtId: Int? }
    struct CellFormats: Decodable { var xf: [CellFormat]? }
    var numFmts: NumberFormats?
    var cellXfs: CellFormats?
}

/// Which cell styles show a number as a date.
enum DateFormats {
    /// Built-in formats that are dates (ECMA-376 §18.8.30, with the East Asian ones).
    static let builtIn: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    static func styles(_ styles: Styles) -> Set<Int> {
        let custom = Dictionary((styles.numFmts?.numFmt ?? []).map { ($0.numFmtId, $0.formatCode) }, uniquingKeysWith: { first, _ in first })
        var dated = Set<Int>()
        for (index, format) in (styles.cellXfs?.xf ?? []).enumerated() {
            guard let id = format.numFmtId else { continue }
            if custom[id].map(isDate) ?? builtIn.contains(id) { dated.insert(index) }
        }
        return dated
    }

    /// A format code shows a date when, outside quoted text and [brackets], it has a day,
    /// or year token (d, y, 年, 月, 日; an m alone may be minutes, a month is never alone).
    static func isDate(_ code: String) -> Bool {
        var plain = ""
        var quoted = false, bracket = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default: if !quoted && !bracket { plain.append(character) }
            }
        }
        let lower = plain.lowercased()
        return lower.contains("y") || lower.contains("d") || plain.contains("年") || plain.contains("月") || plain.contains("日")
    }
}
