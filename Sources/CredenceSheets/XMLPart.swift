import CredenceCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One XML part of a workbook read as a stream of events (Foundation's `XMLParser`, libxml2's
/// SAX parser on Linux), never as a tree: the nesting depth and the number of elements are
/// counted as each element opens, and the parser stops at the first one past
/// `SheetLimits` (a 50,000-deep part used to overflow the stack of the tree XMLCoder built,
/// issue 42). A subclass reads what it needs from `open`, `close` and the text it collects.
class XMLPart: NSObject, XMLParserDelegate {
    let name: String
    private(set) var depth = 0
    private var elements = 0
    private var collecting = false
    private var collected = ""
    private var failure: (any Error)?
    let cellBytes: Int

    init(name: String, cellBytes: Int) {
        self.name = name
        self.cellBytes = cellBytes
    }

    /// Reads `data`, or throws what stopped it: a limit (`SheetTooLarge`), a subclass's
    /// refusal, or XML that is not well-formed (`XLSXReader.notAWorkbook`). A document type
    /// declaration is refused unread: no part of a workbook has one (ECMA-376 part 2 §8.1.4),
    /// and its entities are how XML is made to expand.
    func read(_ data: Data) throws {
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil { throw XLSXReader.notAWorkbook }
        // Only UTF-8 (what every spreadsheet program writes) reaches the parser: Foundation's
        // XMLParser traps on a name that is not valid UTF-8 (found by FuzzXLSX, issue 42).
        guard String(validating: data, as: UTF8.self) != nil, !data.contains(0) else { throw XLSXReader.notAWorkbook }
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let failure { throw failure }
        // A part cut short may end without an error from the parser: its root must have closed.
        guard parsed, elements > 0, depth == 0 else { throw XLSXReader.notAWorkbook }
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

    private func stop(_ parser: XMLParser, _ error: any Error) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        depth += 1
        elements += 1
        guard depth <= SheetLimits.xmlDepth else { return stop(parser, SheetTooLarge(.depth(SheetLimits.xmlDepth, part: name))) }
        guard elements <= SheetLimits.xmlElements else { return stop(parser, SheetTooLarge(.elements(SheetLimits.xmlElements, part: name))) }
        do { try open(Self.local(elementName), attributes) } catch { stop(parser, error) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        depth -= 1
        let text = collecting ? collected : nil
        collecting = false
        collected = ""
        do { try close(Self.local(elementName), text: text) } catch { stop(parser, error) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard collecting, failure == nil else { return }
        collected += string
        if collected.utf8.count > cellBytes { stop(parser, SheetTooLarge(.cellBytes(cellBytes, atRow: position.row, column: position.column))) }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}
