import CredenceCore
@testable import CredenceSheets
import Foundation
import Testing
import ZIPFoundation

/// What the fuzzers found (issue 42, docs/reliability.md), each now a test: every one of
/// these once stopped the process (a trap) or held a thread for ever.
@Suite struct FuzzFindingsTests {
    func read(_ bytes: [UInt8]) -> (any Error)? {
        do {
            _ = try SpreadsheetFile.sheet(bytes, limits: .batch)
            return nil
        } catch { return error }
    }

    /// A sound workbook, as ZIPFoundation writes one, with `sheet` as its sheet's bytes.
    func workbook(sheet: [UInt8], styles: [UInt8]? = nil, method: CompressionMethod = .deflate) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        var parts: [(String, [UInt8])] = [
            ("xl/workbook.xml", Array(#"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)),
            ("xl/_rels/workbook.xml.rels", Array(#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        if let styles { parts.append(("xl/styles.xml", styles)) }
        for (path, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: method) { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    let sheet = Array(#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>entry</t></is></c></row></sheetData></worksheet>"#.utf8)

    @Test func aSoundWorkbookIsRead() throws {
        for method in [CompressionMethod.deflate, .none] {
            #expect(try SpreadsheetFile.sheet(try workbook(sheet: sheet, method: method), limits: .batch).rows.first?.cells == ["entry"])
        }
    }

    /// Foundation's XMLParser trapped on an attribute name that is not UTF-8.
    @Test func aNameThatIsNotUTF8IsRefused() throws {
        let styles = Array(#"<styleSheet><cellXfs><xf numFmtId="0" "#.utf8) + [0xE7, 0x80] + Array(#"tButton="0"/></cellXfs></styleSheet>"#.utf8)
        #expect(read(try workbook(sheet: sheet, styles: styles)) is SpreadsheetFile.Unsupported)
        #expect(read(try workbook(sheet: sheet + [0])) is SpreadsheetFile.Unsupported, "a NUL byte")
    }

    /// A run of letters in a cell reference overflowed the column number.
    @Test func aLongCellReferenceIsNoColumn() throws {
        let long = Array(#"<worksheet><sheetData><row r="1"><c r="\#(String(repeating: "A", count: 40))1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#.utf8)
        #expect(try SpreadsheetFile.sheet(try workbook(sheet: long), limits: .batch).rows.first?.cells == ["x"])
        #expect(XLSXReader.column("XFD") == 16_383 && XLSXReader.column("AAAA") == nil)
    }

    /// ZIPFoundation trapped reading a damaged archive from memory and looped on a damaged
    /// deflate stream; each damage is now a 415.
    @Test func aDamagedZIPIsRefusedNotFollowed() throws {
        let good = try workbook(sheet: sheet)
        let end = try #require((0...(good.count - 22)).reversed().first { Array(good[$0..<($0 + 4)]) == [0x50, 0x4B, 0x05, 0x06] })
        func patched(_ at: Int, _ value: UInt32) -> [UInt8] {
            var bytes = good
            for i in 0..<4 { bytes[at + i] = UInt8(value >> (8 * UInt32(i)) & 0xFF) }
            return bytes
        }
        let centralStart = Int(good[end + 16]) | Int(good[end + 17]) << 8 | Int(good[end + 18]) << 16
        for (damage, bytes) in [
            ("the directory past the end", patched(end + 16, 0xFFFF_FF00)),
            ("a part's local header past the end", patched(centralStart + 42, 0x00FF_FFFF)),
            ("a part's compressed size past the end", patched(centralStart + 20, 0x0FFF_FFFF)),
            ("a part's checksum wrong", patched(centralStart + 16, 0x1234_5678)),
            ("cut in the middle", Array(good.prefix(good.count / 2))),
        ] {
            #expect(read(bytes) is SpreadsheetFile.Unsupported, "\(damage)")
        }
        // A deflate stream cut short, its directory intact: refused, not looped on.
        var truncated = good
        let local = Int(good[centralStart + 42]) | Int(good[centralStart + 43]) << 8
        let dataStart = local + 30 + Int(good[local + 26]) + Int(good[local + 28])
        for i in dataStart..<(dataStart + 8) where i < truncated.count { truncated[i] = 0xFF }
        #expect(read(truncated) is SpreadsheetFile.Unsupported)
    }
}

/// Excel's day numbers, now counted by the core's calendar arithmetic.
@Suite struct ExcelDatesTests {
    @Test func serialDaysAreTheDaysExcelShows() {
        let days = ExcelDates(date1904: false)
        #expect(days.day(1) == "1900-01-01" && days.day(59) == "1900-02-28" && days.day(60) == nil && days.day(61) == "1900-03-01")
        #expect(days.day(45000.75) == "2023-03-15" && days.day(2_958_465) == "9999-12-31" && days.day(-1) == nil)
        #expect(ExcelDates(date1904: true).day(0) == "1904-01-01" && ExcelDates(date1904: true).day(43538) == "2023-03-15")
    }
}
