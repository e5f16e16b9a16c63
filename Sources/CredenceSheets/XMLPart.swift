import CredenceCore

/// One XML part of a workbook read as a stream of events (`XMLScanner`), never as a tree:
/// the nesting depth and the number of elements are counted as each element opens, and the
/// reading stops at the first one past `SheetLimits` (a 50,000-deep part used to overflow
/// the stack of the tree XMLCoder built, issue 42). A subclass reads what it needs from
/// `open`, `close` and the text it collects.
class XMLPart {
    let name: String
    private(set) var depth = 0
    private var elements = 0
    private var collecting = false
    private var collected = ""
    let cellBytes: Int

    init(name: String, cellBytes: Int) {
        self.name = name
        self.cellBytes = cellBytes
    }

    /// Reads `bytes`, or throws what stopped it: a limit (`SheetTooLarge`), a subclass's
    /// refusal, or XML that is not well-formed (`XLSXReader.notAWorkbook`).
    func read(_ bytes: [UInt8]) throws {
        do {
            // No text in a workbook part is longer than a cell may be (values, strings, formulas).
            try XMLScanner.scan(bytes, maxText: cellBytes) { event in
                switch event {
                case .start(let element, let attributes):
                    depth += 1
                    elements += 1
                    guard depth <= SheetLimits.xmlDepth else { throw SheetTooLarge(.depth(SheetLimits.xmlDepth, part: name)) }
                    guard elements <= SheetLimits.xmlElements else { throw SheetTooLarge(.elements(SheetLimits.xmlElements, part: name)) }
                    try open(Self.local(element), attributes)
                case .end(let element):
                    depth -= 1
                    let text = collecting ? collected : nil
                    collecting = false
                    collected = ""
                    try close(Self.local(element), text: text)
                case .text(let text):
                    guard collecting else { return }
                    collected += text
                    if collected.utf8.count > cellBytes {
                        throw SheetTooLarge(.cellBytes(cellBytes, atRow: position.row, column: position.column))
                    }
                }
            }
        } catch is XMLScanner.Malformed {
            throw XLSXReader.notAWorkbook
        } catch is XMLScanner.TextTooLong {
            throw SheetTooLarge(.cellBytes(cellBytes, atRow: position.row, column: position.column))
        }
    }

    // What subclasses override. Names come without their namespace prefix ("x:row" → "row").
    func open(_ element: String, _ attributes: [String: String]) throws {}
    func close(_ element: String, text: String?) throws {}

    /// Where the reader is, for a refusal to name the cell (a worksheet knows; other parts don't).
    var position: (row: Int?, column: Int?) { (nil, nil) }

    /// Keeps the text inside the element just opened, for `close` (up to `cellBytes`).
    func collectText() {
        collecting = true
        collected = ""
    }

    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}
