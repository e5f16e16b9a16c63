@testable import CredenceSheets
import Testing

/// The workbook parts' XML reader (`XMLScanner`) against XML 1.0: what it reads and what it
/// refuses.
@Suite struct XMLScannerTests {
    func events(_ xml: String) throws -> [String] {
        var seen: [String] = []
        try XMLScanner.scan(Array(xml.utf8)) { event in
            switch event {
            case .start(let name, let attributes):
                seen.append("<" + name + attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined() + ">")
            case .end(let name): seen.append("</" + name + ">")
            case .text(let text): seen.append(text)
            }
        }
        return seen
    }

    @Test func wellFormedPartsAreReadAsTheyMean() throws {
        #expect(try events("\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<x:a xmlns:x='u' b = \"1 &amp; 2\"><!-- note --><c/>t&lt;&#x4E2D;&#25991;&gt;<![CDATA[<d>&amp;]]></x:a>\n")
                == ["<x:a b=1 & 2 xmlns:x=u>", "<c>", "</c>", "t<中文>", "<d>&amp;", "</x:a>"])
        #expect(try events("<a>line\r\nnext\rlast</a>") == ["<a>", "line\nnext\nlast", "</a>"], "line ends as LF")
        #expect(try events("<a v=\"x\ty\nz\"/>") == ["<a v=x y z>", "</a>"], "an attribute's tabs and line ends are spaces")
        #expect(try events("<a>&quot;&apos;</a>") == ["<a>", "\"'", "</a>"])
        #expect(try events("<文件 名-称.\u{B7}_1=\"x\"/>") == ["<文件 名-称.\u{B7}_1=x>", "</文件>"], "names beyond ASCII")
    }

    @Test(arguments: [
        "", "<a>", "<a></b>", "</a>", "<a/><b/>", "text<a/>", "<a>&unknown;</a>", "<a>&#0;</a>", "<a>&#xD800;</a>", "<a>&amp</a>",
        "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "<a b=\"1\" b=\"2\"/>", "<a b=1/>", "<a b=\"<\"/>", "<a><!-- open</a>",
        "<a><![CDATA[open</a>", "<?xml open", "<a>\u{0}</a>", "<a", "<a b=\"1\"", "< a/>",
        // Found holding the scanner against expat (scripts/xml_differential.py):
        "<a>]]></a>", "<a b=\"1\"c=\"2\"/>", "<a b=\"x\u{4}y\"/>", "<a b=\"&amp;\u{1}\"/>", "<a\u{18}b/>",
        // Names hold XML's name characters only (XML 1.0 §2.3); CI's differential found `numFmt&Id`.
        "<a numFmt&Id=\"1\"/>", "<a&b/>", "<1a/>", "<a -b=\"1\"/>", "<\u{B7}a/>", "<a>x</a;>", "<a b\u{2028}=\"1\"/>",
    ])
    func malformedXMLIsRefused(_ xml: String) {
        #expect(throws: XMLScanner.Malformed.self) { try events(xml) }
    }

    @Test func bytesThatAreNotUTF8AreRefused() {
        #expect(throws: XMLScanner.Malformed.self) { try XMLScanner.scan(Array("<a b=\"".utf8) + [0xE7, 0x80] + Array("\"/>".utf8)) { _ in } }
        #expect(throws: XMLScanner.Malformed.self) { try XMLScanner.scan(Array("<a>".utf8) + [0xFF] + Array("</a>".utf8)) { _ in } }
    }
}
