import CredenceCore
import Foundation

/// The first sheet of an Excel workbook (Office Open XML, ECMA-376 part 1 §18): the ZIP
/// package read by `ZIPPackage`, each part streamed through a bounded `XMLPart` (`XMLScanner`). Every
/// limit of `SheetLimits` holds while the file is read: unzipped bytes per part, XML depth
/// and elements, cells per row, bytes per cell and shared string, rows.
enum XLSXReader {
    /// The sheet; `SheetTooLarge` past a limit; `SpreadsheetFile.Unsupported` for a file
    /// that is not a readable workbook (a damaged ZIP, a part that is not the XML it should be).
    static func firstSheet(_ bytes: [UInt8], limits: SheetLimits) throws -> Sheet {
        do {
            return try read(bytes, limits: limits)
        } catch let error as SpreadsheetFile.Unsupported {
            throw error
        } catch let error as SheetTooLarge {
            throw error
        } catch {
            throw SpreadsheetFile.Unsupported(found: BilingualText(zh: "已损坏或无法解析的 Excel 工作簿", en: "a damaged or unreadable Excel workbook"))
        }
    }

    private static func read(_ bytes: [UInt8], limits: SheetLimits) throws -> Sheet {
        guard let package = ZIPPackage(bytes) else {
            throw SpreadsheetFile.Unsupported(found: BilingualText(zh: "损坏的 ZIP 文件", en: "a damaged ZIP file"))
        }
        func read<Part: XMLPart>(_ path: String, into reader: Part) throws -> Part? {
            guard let bytes = try package.part(path) else { return nil }
            try reader.read(bytes)
            return reader
        }
        guard let workbook = try read("xl/workbook.xml", into: WorkbookPart(name: "xl/workbook.xml", cellBytes: limits.cellBytes)),
              let rels = try read("xl/_rels/workbook.xml.rels", into: RelationshipsPart(name: "xl/_rels/workbook.xml.rels", cellBytes: limits.cellBytes)),
              let first = workbook.firstSheet, let target = rels.targets[first]
        else { throw notAWorkbook }
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        let strings = try read("xl/sharedStrings.xml", into: SharedStringsPart(name: "xl/sharedStrings.xml", cellBytes: limits.cellBytes))?.strings ?? []
        let dateStyles = try read("xl/styles.xml", into: StylesPart(name: "xl/styles.xml", cellBytes: limits.cellBytes))?.dateStyles ?? []
        let worksheet = WorksheetPart(limits: limits, strings: strings, dateStyles: dateStyles, dates: ExcelDates(date1904: workbook.date1904))
        guard try read(sheetPath, into: worksheet) != nil else { throw notAWorkbook }
        return worksheet.sheet
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
            // At most three letters (XFD is the last column): a long run of letters once
            // overflowed here and stopped the process (found by FuzzXLSX, issue 42).
            guard letters < 3 else { return nil }
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
        return CalendarDate(daysSinceEpoch: day)?.description
    }
}
