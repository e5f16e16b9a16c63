import CredenceCore
import Foundation
import XMLCoder
import ZIPFoundation

/// The first sheet of an Excel workbook (Office Open XML, ECMA-376 part 1 §18): the ZIP
/// package read with ZIPFoundation, its parts with XMLCoder. Cells hold what Excel shows:
/// shared strings, inline strings, numbers as written, booleans as TRUE/FALSE, and numbers
/// in a date format as dates (`yyyy-MM-dd`). Rows keep the numbers Excel gives them.
enum XLSXReader {
    /// The largest part read (a sheet of 500 rows is far smaller): a ZIP bomb stops here.
    static let maxPartBytes = 32 * 1024 * 1024

    /// The sheet, or `SpreadsheetFile.Unsupported` for a file that is not a readable
    /// workbook (a damaged ZIP, a part that is not the XML it should be).
    static func firstSheet(_ bytes: [UInt8]) throws(SpreadsheetFile.Unsupported) -> Sheet {
        do {
            return try read(bytes)
        } catch let error as SpreadsheetFile.Unsupported {
            throw error
        } catch {
            throw SpreadsheetFile.Unsupported(found: BilingualText(zh: "已损坏或无法解析的 Excel 工作簿", en: "a damaged or unreadable Excel workbook"))
        }
    }

    private static func read(_ bytes: [UInt8]) throws -> Sheet {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw SpreadsheetFile.Unsupported(found: BilingualText(zh: "损坏的 ZIP 文件", en: "a damaged ZIP file"))
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= maxPartBytes else { throw notAWorkbook }
            var data = Data()
            // The size a ZIP header declares may lie: the bytes themselves are counted too.
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= maxPartBytes else { throw notAWorkbook }
                data.append(chunk)
            }
            return data
        }
        let decoder = XMLDecoder()
        guard let workbookData = try part("xl/workbook.xml"), let relsData = try part("xl/_rels/workbook.xml.rels") else { throw notAWorkbook }
        let workbook = try decoder.decode(Workbook.self, from: workbookData)
        let rels = try decoder.decode(Relationships.self, from: relsData)
        guard let first = workbook.sheets.sheet.first, let target = rels.relationship.first(where: { $0.id == first.rid })?.target else {
            throw notAWorkbook
        }
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetData = try part(sheetPath) else { throw notAWorkbook }
        let strings = try part("xl/sharedStrings.xml").map { try decoder.decode(SharedStrings.self, from: $0).si.map(\.text) } ?? []
        let dateStyles = try part("xl/styles.xml").map { DateFormats.styles(try decoder.decode(Styles.self, from: $0)) } ?? []
        let worksheet = try decoder.decode(Worksheet.self, from: sheetData)
        let dates = ExcelDates(date1904: workbook.workbookPr?.date1904.map { $0 == "1" || $0 == "true" } ?? false)

        var rows: [Sheet.Row] = []
        for (index, row) in (worksheet.sheetData.row ?? []).enumerated() {
            let number = row.r ?? (rows.last.map { $0.number + 1 } ?? index + 1)
            var cells: [String] = []
            for cell in row.c ?? [] {
                let column = cell.r.flatMap(Self.column) ?? cells.count
                guard column < 16_384 else { throw notAWorkbook }
                while cells.count < column { cells.append("") }
                let value = cell.v?.value ?? ""
                let text: String = switch cell.t ?? "n" {
                case "s": Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
                case "inlineStr": cell.is?.text ?? ""
                case "b": value == "1" ? "TRUE" : "FALSE"
                case "n" where cell.s.map(dateStyles.contains) == true: Double(value).flatMap(dates.day) ?? value
                default: value
                }
                cells.append(text)
            }
            rows.append(Sheet.Row(number: number, cells: cells))
        }
        // A sheet is a rectangle (its used range): Excel leaves trailing empty cells out.
        let width = rows.map(\.cells.count).max() ?? 0
        return Sheet(rows: rows.map { Sheet.Row(number: $0.number, cells: $0.cells + Array(repeating: "", count: width - $0.cells.count)) })
    }

    static var notAWorkbook: SpreadsheetFile.Unsupported {
        SpreadsheetFile.Unsupported(found: BilingualText(zh: "一个不是 Excel 工作簿的 ZIP 文件", en: "a ZIP file that is not an Excel workbook"))
    }

    /// "AB12" → 27 (0-based column).
    static func column(_ reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard let value = UInt8(exactly: scalar.value), (65...90).contains(value) else { break }
            column = column * 26 + Int(value - 64)
            letters += 1
        }
        return letters == 0 ? nil : column - 1
    }
}

/// Excel's serial day numbers (ECMA-376 §18.17.4.1): in the 1900 system day 1 is
/// 1900-01-01 and day 60 is the 29 February 1900 that never was (kept for Lotus 1-2-3);
/// in the 1904 system day 0 is 1904-01-01.
struct ExcelDates {
    var date1904: Bool

    func day(_ serial: Double) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }  // 9999-12-31
        let whole = Int(serial.rounded(.down))
        let day: Int  // days since 1970-01-01
        if date1904 {
            day = whole - 24_107  // 1904-01-01
        } else {
            guard whole >= 1, whole != 60 else { return nil }
            day = whole - (whole > 60 ? 25_569 : 25_568)  // 1899-12-30 (after the false leap day), 1899-12-31 (before)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(day) * 86_400))
        return c.year.flatMap { year in c.month.flatMap { month in c.day.flatMap { CalendarDate(year: year, month: month, day: $0)?.description } } }
    }
}
