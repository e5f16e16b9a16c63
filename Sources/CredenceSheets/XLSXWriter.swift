import Foundation
import ZIPFoundation

/// A small Excel workbook (Office Open XML) of text cells, as a template is: sheets of
/// inline strings, columns shown as text ("@", so a passport or certificate number keeps its
/// leading zeros) where asked, and a drop-down list on a column taken from another sheet.
public enum XLSXWriter {
    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[String]]
        /// Column widths in characters, left to right.
        public var widths: [Int]
        /// 0-based columns formatted as text.
        public var textColumns: Set<Int>
        /// A column whose cells offer a list: the values in the first column of another sheet
        /// (below its header).
        public var list: (column: Int, sheet: String, count: Int, rows: Int)?

        public init(name: String, rows: [[String]], widths: [Int] = [], textColumns: Set<Int> = [],
                    list: (column: Int, sheet: String, count: Int, rows: Int)? = nil) {
            self.name = name
            self.rows = rows
            self.widths = widths
            self.textColumns = textColumns
            self.list = list
        }
    }

    public static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    public static func workbook(_ sheets: [Sheet]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        let numbered = Array(sheets.enumerated())
        var parts: [(String, String)] = [
            ("[Content_Types].xml", xml("""
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                \(numbered.map { "<Override PartName=\"/xl/worksheets/sheet\($0.offset + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())\
                </Types>
                """)),
            ("_rels/.rels", xml("""
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """)),
            ("xl/workbook.xml", xml("""
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets>\(numbered.map { "<sheet name=\"\(escaped($0.element.name))\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined())</sheets>\
                </workbook>
                """)),
            ("xl/_rels/workbook.xml.rels", xml("""
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                \(numbered.map { "<Relationship Id=\"rId\($0.offset + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0.offset + 1).xml\"/>" }.joined())\
                <Relationship Id="rId\(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                </Relationships>
                """)),
            // Style 0: general; style 1: text (number format 49, "@"); style 2: a bold header.
            ("xl/styles.xml", xml("""
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
                <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
                </styleSheet>
                """)),
        ]
        for (index, sheet) in numbered { parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet))) }
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_700_000_000),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return Array(bytes)
    }

    private static func worksheet(_ sheet: Sheet) -> String {
        let columns = sheet.rows.map(\.count).max() ?? 0
        let cols = (0..<max(columns, sheet.widths.count)).map { column in
            let width = sheet.widths.indices.contains(column) ? sheet.widths[column] : 14
            let style = sheet.textColumns.contains(column) ? " style=\"1\"" : ""
            return "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(width)\" customWidth=\"1\"\(style)/>"
        }.joined()
        let rows = sheet.rows.enumerated().map { number, cells in
            let row = number + 1
            let content = cells.enumerated().map { column, value in
                "<c r=\"\(letters(column))\(row)\" t=\"inlineStr\"\(row == 1 ? " s=\"2\"" : sheet.textColumns.contains(column) ? " s=\"1\"" : "")>"
                    + "<is><t xml:space=\"preserve\">\(escaped(value))</t></is></c>"
            }.joined()
            return "<row r=\"\(row)\">\(content)</row>"
        }.joined()
        var validation = ""
        if let list = sheet.list {
            let column = letters(list.column)
            validation = "<dataValidations count=\"1\"><dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"\(column)2:\(column)\(list.rows + 1)\">"
                + "<formula1>'\(escaped(list.sheet))'!$A$2:$A$\(list.count + 1)</formula1></dataValidation></dataValidations>"
        }
        return xml("""
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
            <cols>\(cols)</cols><sheetData>\(rows)</sheetData>\(validation)</worksheet>
            """)
    }

    /// 0 → "A", 27 → "AB".
    static func letters(_ column: Int) -> String {
        var n = column + 1, name = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }

    private static func xml(_ body: String) -> String { "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + body }

    /// Text in XML: the five escapes, and control characters XML 1.0 cannot hold dropped.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
