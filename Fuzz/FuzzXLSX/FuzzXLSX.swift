import CredenceCore
import CredenceSheets
import FuzzSupport

/// The .xlsx reader (`ZIPPackage`, `XMLPart`) as an upload meets it: whatever the bytes, a
/// sheet within the batch limits or a refusal — never a crash, a hang or unbounded memory.
/// The first byte chooses what the rest is: a whole file, or one XML part of a sound workbook.
func fuzz(_ bytes: [UInt8]) {
    guard let mode = bytes.first else { return }
    let rest = Array(bytes.dropFirst())
    let file: [UInt8]
    switch mode % 4 {
    case 0:  // the bytes as a ZIP file (the reader sees one only past its signature)
        file = rest.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? rest : [0x50, 0x4B, 0x03, 0x04] + rest
    default:  // the bytes as one part of an otherwise sound workbook: the sheet, the shared strings or the styles
        var parts = Workbook.parts
        parts[Int(mode % 4) + 1].1 = rest
        file = StoredZip.make(parts)
    }
    guard let sheet = try? SpreadsheetFile.sheet(file, limits: .batch) else { return }
    Bounds.check(sheet, .batch)
}

/// A small sound workbook: workbook, relationships, sheet, shared strings, styles.
enum Workbook {
    static let parts: [(String, [UInt8])] = [
        ("xl/workbook.xml", #"<workbook xmlns:r="r"><workbookPr date1904="0"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
        ("xl/_rels/workbook.xml.rels", #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#),
        ("xl/worksheets/sheet1.xml", #"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>x</t></r><rPh><t>y</t></rPh></is></c></row><row r="2"><c r="A2" s="1"><v>45000</v></c><c r="C2" t="b"><v>1</v></c></row></sheetData></worksheet>"#),
        ("xl/sharedStrings.xml", #"<sst><si><t xml:space="preserve"> a </t></si><si><r><t>b</t></r></si></sst>"#),
        ("xl/styles.xml", #"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>"#),
    ].map { ($0.0, Array($0.1.utf8)) }
}

@main enum Main {
    static func main() { Replay.run(fuzz) }
}
