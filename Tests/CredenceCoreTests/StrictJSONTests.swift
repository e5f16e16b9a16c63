import CredenceCore
import Foundation
import Testing

/// StrictJSON against RFC 8259's grammar (cases in the style of Seriot's JSONTestSuite), and
/// against Foundation as an independent reader on everything both accept.
@Suite struct StrictJSONTests {
    /// Finding 1: a key named twice is refused at any depth — readers disagree on which counts.
    @Test func forgedReceiptDuplicateKeysAreRefusedAtAnyDepth() throws {
        for text in [#"{"a":1,"a":2}"#, #"{"receipt":{"outcome":"x"},"signature":"s","receipt":{"outcome":"y"}}"#,
                     #"[{"x":{"k":1,"k":1}}]"#, #"{"\u0061":1,"a":2}"#] {
            #expect(throws: StrictJSON.ParseError.self, "\(text)") { try StrictJSON.parse(Array(text.utf8)) }
        }
        let error = try #require(throws: StrictJSON.ParseError.self) { try StrictJSON.parse(Array(#"{"a":1,"a":2}"#.utf8)) }
        #expect(error.reason.contains("appears twice"))
        #expect(try StrictJSON.parse(Array(#"{"a":{"a":1},"b":[{"a":2}]}"#.utf8)) != .null, "the same key in different objects is fine")
    }

    @Test(arguments: [
        "{}", "[]", #"{"a":[1,2.5,-3e2,true,false,null,"x"]}"#, #"  "\u00e9\ud83d\ude00\n\/"  "#, "0", "-0.0", "1E+2",
        #"{"中文":"值"}"#, "[[[[]]]]",
    ])
    func acceptsWhatRFC8259Allows(_ text: String) throws {
        let strict = try StrictJSON.parse(Array(text.utf8))
        let foundation = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(strict == foundation)
    }

    @Test(arguments: [
        "", "{", "[1,]", #"{"a":1,}"#, "01", "1.", ".5", "+1", "NaN", "[1 2]", #"{"a" 1}"#, #"{'a':1}"#, "tru", "nul",
        #""\x""#, "\"a\u{0001}b\"", #""\ud800""#, #""\udc00x""#, "[1]x", "1e", "-", #"{"a":1}}"#, "[\"\u{7F}\"", "1e400",
    ])
    func refusesWhatRFC8259DoesNot(_ text: String) {
        #expect(throws: StrictJSON.ParseError.self, "\(text)") { try StrictJSON.parse(Array(text.utf8)) }
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        #expect(throws: StrictJSON.ParseError.self) { try StrictJSON.parse([0x22, 0xC3, 0x28, 0x22]) }
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: StrictJSON.ParseError.self) { try StrictJSON.parse(Array(deep.utf8)) }
    }
}
