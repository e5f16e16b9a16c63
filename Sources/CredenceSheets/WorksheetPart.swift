import CredenceCore
import Foundation

/// `xl/worksheets/sheetN.xml`: rows of cells, read as the parser meets them and kept only
/// within `SheetLimits` — a cell with something in it past the last column read, a cell
/// past `cellBytes`, or a row past the last one allowed stops the reading there. Cells hold
/// what Excel shows: shared strings, inline strings, numbers as written, booleans as
/// TRUE/FALSE, and numbers in a date format as dates (`yyyy-MM-dd`).
final class WorksheetPart: XMLPart {
    private let limits: SheetLimits
    private let strings: [String]
    private let dateStyles: Set<Int>
    private let dates: ExcelDates

    private(set) var rows: [Sheet.Row] = []
    private var nonBlank = 0
    private var rowNumber = 0
    private var cells: [String] = []
    private var inRow = false
    // The cell being read.
    private var column = 0
    private var type = "n"
    private var style: Int?
    private var value = ""
    private var inline: StringItemText?

    init(limits: SheetLimits, strings: [String], dateStyles: Set<Int>, dates: ExcelDates) {
        self.limits = limits
        self.strings = strings
        self.dateStyles = dateStyles
        self.dates = dates
        super.init(name: "worksheet", cellBytes: limits.cellBytes)
    }

    override var position: (row: Int?, column: Int?) { (rowNumber, column) }

    override func open(_ element: String, _ attributes: [String: String]) throws {
        switch element {
        case "row":
            // Rows keep the numbers Excel gives them (1 to 1,048,576), else follow the last.
            let given = attributes["r"].flatMap(Int.init).flatMap { (1...1_048_576).contains($0) ? $0 : nil }
            rowNumber = given ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            inRow = true
        case "c" where inRow:
            column = attributes["r"].flatMap(XLSXReader.column) ?? cells.count
            guard column < 16_384 else { throw XLSXReader.notAWorkbook }  // past XFD
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init)
            value = ""
            inline = nil
        case "v" where inRow: collectText()
        case "is" where inRow: inline = StringItemText(cellBytes: limits.cellBytes)
        default: inline?.open(element, in: self)
        }
    }

    override func close(_ element: String, text: String?) throws {
        switch element {
        case "v": value = text ?? ""
        case "c" where inRow: try keep(cellText())
        case "row" where inRow:
            inRow = false
            let row = Sheet.Row(number: rowNumber, cells: cells)
            guard !row.isBlank else { return }
            nonBlank += 1
            // The header and `limits.rows` rows below it; the next one stops the reading.
            guard nonBlank <= limits.rows + 1 else { throw SheetTooLarge(.rows(limits.rows, atRow: rowNumber)) }
            rows.append(row)
        default: try inline?.close(element, text: text, position: position)
        }
    }

    private func cellText() -> String {
        switch type {
        case "s": return Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
        case "inlineStr": return inline?.value ?? ""
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "n" where style.map(dateStyles.contains) == true: return Double(value).flatMap(dates.day) ?? value
        default: return value
        }
    }

    private func keep(_ text: String) throws {
        guard column < limits.columns else {
            // Spreadsheets pad rows with empty cells; only something written past the last column is refused.
            if column >= SheetLimits.paddedColumns || text.contains(where: { $0 != " " && $0 != "\t" }) {
                throw SheetTooLarge(.columns(limits.columns, atRow: rowNumber, column: column))
            }
            return
        }
        if column < cells.count {
            cells[column] = text
        } else {
            cells.append(contentsOf: repeatElement("", count: column - cells.count))
            cells.append(text)
        }
    }

    /// The rows, each as wide as the widest (a sheet is a rectangle: its used range).
    var sheet: Sheet {
        let width = rows.map(\.cells.count).max() ?? 0
        return Sheet(rows: rows.map { Sheet.Row(number: $0.number, cells: $0.cells + repeatElement("", count: width - $0.cells.count)) })
    }
}
