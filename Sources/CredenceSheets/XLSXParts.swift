import CredenceCore
import Foundation

// The parts of a workbook the reader needs, each read by an `XMLPart` (element and attribute
// names as ECMA-376 part 1 spells them; whatever else a part holds is passed over).

/// `xl/workbook.xml`: the first sheet's relationship id, and which day numbering dates use.
final class WorkbookPart: XMLPart {
    private(set) var firstSheet: String?
    private(set) var date1904 = false

    override func open(_ element: String, _ attributes: [String: String]) throws {
        switch element {
        case "sheet" where firstSheet == nil:
            firstSheet = attributes.first { XMLPart.local($0.key) == "id" && $0.key.contains(":") }?.value
        case "workbookPr":
            date1904 = attributes["date1904"].map { $0 == "1" || $0 == "true" } ?? false
        default: break
        }
    }
}

/// `xl/_rels/workbook.xml.rels`: where each part is, by relationship id.
final class RelationshipsPart: XMLPart {
    private(set) var targets: [String: String] = [:]

    override func open(_ element: String, _ attributes: [String: String]) throws {
        if element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
}

/// A string item's text (`<si>`, `<is>`): plain `<t>`, or rich-text runs `<r><t>` joined;
/// phonetic runs (`<rPh>`) are not part of the text.
struct StringItemText {
    private var text = ""
    private var inPhonetic = false
    let cellBytes: Int

    init(cellBytes: Int) {
        self.cellBytes = cellBytes
    }

    mutating func open(_ element: String, in part: XMLPart) {
        if element == "rPh" { inPhonetic = true }
        if element == "t", !inPhonetic { part.collectText() }
    }

    /// The text so far, refused past `cellBytes` (runs add up).
    mutating func close(_ element: String, text collected: String?, position: (row: Int?, column: Int?)) throws {
        if element == "rPh" { inPhonetic = false }
        guard element == "t", let collected else { return }
        text += collected
        if text.utf8.count > cellBytes { throw SheetTooLarge(.cellBytes(cellBytes, atRow: position.row, column: position.column)) }
    }

    var value: String { text }
}

/// `xl/sharedStrings.xml`.
final class SharedStringsPart: XMLPart {
    private(set) var strings: [String] = []
    private var item: StringItemText?

    override func open(_ element: String, _ attributes: [String: String]) throws {
        if element == "si" { item = StringItemText(cellBytes: cellBytes) }
        item?.open(element, in: self)
    }

    override func close(_ element: String, text: String?) throws {
        try item?.close(element, text: text, position: position)
        if element == "si", let item {
            strings.append(item.value)
            self.item = nil
        }
    }
}

/// `xl/styles.xml`: the number format of each cell style, and the workbook's own formats.
final class StylesPart: XMLPart {
    private var custom: [Int: String] = [:]
    private var cellFormats: [Int?] = []
    private var inCellXfs = false

    override func open(_ element: String, _ attributes: [String: String]) throws {
        switch element {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"], custom[id] == nil { custom[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellFormats.append(attributes["numFmtId"].flatMap(Int.init))
        default: break
        }
    }

    override func close(_ element: String, text: String?) throws {
        if element == "cellXfs" { inCellXfs = false }
    }

    /// Which cell styles (indexes into `cellXfs`) show a number as a date.
    var dateStyles: Set<Int> {
        var dated = Set<Int>()
        for (index, id) in cellFormats.enumerated() {
            guard let id else { continue }
            if custom[id].map(DateFormats.isDate) ?? DateFormats.builtIn.contains(id) { dated.insert(index) }
        }
        return dated
    }
}

/// Which number formats show a number as a date.
enum DateFormats {
    /// Built-in formats that are dates (ECMA-376 §18.8.30, with the East Asian ones).
    static let builtIn: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// A format code shows a date when, outside quoted text and [brackets], it has a day,
    /// or year token (d, y, 年, 月, 日; an m alone may be minutes, a month is never alone).
    static func isDate(_ code: String) -> Bool {
        var plain = ""
        var quoted = false, bracket = false, escaped = false
        for character in code.prefix(256) {
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
