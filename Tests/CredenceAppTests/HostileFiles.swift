import Foundation
import ZIPFoundation

/// Small hostile files, made here rather than committed (issue 42): each is a few kilobytes
/// and was once enough to stop, fill or stall the server.
enum HostileFiles {
    static let header = ["entry (id or seq)", "holder name", "nationality (ISO 3166-1 alpha-2)", "certificate number", "holder consent (yes/no)"]

    /// A workbook of the given parts' XML (the package's other parts are standard).
    static func workbook(sheet: String, workbookExtra: String = "", sharedStrings: String? = nil) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        var parts = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("xl/workbook.xml", #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>"# + workbookExtra + "</workbook>"),
            ("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
            ("xl/worksheets/sheet1.xml", #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"# + sheet + "</sheetData></worksheet>"),
        ]
        if let sharedStrings { parts.append(("xl/sharedStrings.xml", "<sst>" + sharedStrings + "</sst>")) }
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    static func inline(_ reference: String, _ text: String) -> String {
        #"<c r="\#(reference)" t="inlineStr"><is><t>\#(text)</t></is></c>"#
    }

    static var headerRow: String {
        #"<row r="1">"# + header.enumerated().map { inline(String(UnicodeScalar(UInt8(65 + $0.offset))) + "1", $0.element) }.joined() + "</row>"
    }

    static func holderRow(_ n: Int, certificate: String = "N") -> String {
        #"<row r="\#(n)">"# + inline("A\(n)", "cfa") + inline("B\(n)", "Holder \(n)") + inline("C\(n)", "GB") + inline("D\(n)", "\(certificate)-\(n)")
            + inline("E\(n)", "yes") + "</row>"
    }

    static let nested = String(repeating: "<x>", count: 50_000) + String(repeating: "</x>", count: 50_000)

    /// A sheet nesting 50,000 elements.
    static func deepSheet() throws -> [UInt8] { try workbook(sheet: headerRow + nested) }
    /// `xl/workbook.xml` nesting 50,000 elements.
    static func deepWorkbook() throws -> [UInt8] { try workbook(sheet: headerRow, workbookExtra: nested) }
    /// 500 holders, one of them with a cell in the last column (XFD).
    static func wide() throws -> [UInt8] {
        try workbook(sheet: headerRow + (2...500).map { holderRow($0) }.joined() + #"<row r="501"><c r="XFD501"><v>1</v></c></row>"#)
    }
    /// One shared string of 1 MB in two columns of 500 rows.
    static func amplified() throws -> [UInt8] {
        let rows = (2...501).map { #"<row r="\#($0)"><c r="A\#($0)" t="s"><v>0</v></c><c r="B\#($0)" t="s"><v>0</v></c></row>"# }.joined()
        return try workbook(sheet: headerRow + rows, sharedStrings: "<si><t>" + String(repeating: "A", count: 1_000_000) + "</t></si>")
    }
    /// Two holders, in the sheet's second row and its last (1,048,576): nothing between is made.
    static func sparse() throws -> [UInt8] { try workbook(sheet: headerRow + holderRow(2, certificate: "S") + holderRow(1_048_576, certificate: "S")) }
    /// `rows` holders.
    static func long(rows: Int) throws -> [UInt8] { try workbook(sheet: headerRow + (2...(rows + 1)).map { holderRow($0) }.joined()) }

    static var csvHeader: String { header.joined(separator: ",") }
    /// The header, then two million empty columns.
    static func wideCSV() -> [UInt8] { Array((csvHeader + String(repeating: ",", count: 2_000_000) + "\r\ncfa,A,GB,1,yes\r\n").utf8) }
    /// `rows` holders.
    static func longCSV(rows: Int) -> [UInt8] { Array((csvHeader + "\r\n" + (0..<rows).map { "cfa,Holder \($0),GB,N-\($0),yes\r\n" }.joined()).utf8) }
    /// A header and nothing under it.
    static func emptyCSV() -> [UInt8] { Array((csvHeader + "\r\n").utf8) }
}
