import CredenceCore
import CredenceTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 20 on the page: `/notice` in English gives every block's translation with the
/// Chinese beside it, on the Chinese anchors; in Chinese, the text as published and a link
/// to the translation; the catalog names the edition it was made from.
@Suite struct NoticePageTests {
    @Test func theEnglishNoticeCarriesEveryAnchorWithTheChineseInTheSameBlock() async throws {
        try await withLiveApp(.sqlite) { client in
            let notice = Notice(text: try BundledData.noticeText())
            let translation = try BundledData.noticeTranslation()
            let english = String(buffer: try await client.execute(uri: "/notice", method: .get, headers: [.cookie: "lang=en"]).body)
            #expect(english.contains(translation.about.en))
            for (chinese, block) in try #require(translation.aligned(with: notice)) {
                guard let anchor = chinese.anchor else { continue }
                let start = try #require(english.range(of: "id=\"\(anchor)\""), "no block #\(anchor)")
                let section = english[start.upperBound...].prefix { _ in true }
                let end = section.range(of: "</section>")?.lowerBound ?? section.endIndex
                let inside = String(section[..<end])
                #expect(inside.contains(block.en.htmlEscapedForTest), "#\(anchor) lacks its English")
                if case .clause(_, let text) = chinese {
                    #expect(inside.contains(text), "#\(anchor) lacks its Chinese")
                    #expect(inside.contains("Credence&#39;s translation") || inside.contains("Credence's translation"), "#\(anchor) is not labelled")
                }
            }
            let chinese = String(buffer: try await client.execute(uri: "/notice", method: .get, headers: [.cookie: "lang=zh"]).body)
            #expect(chinese.contains("/language/en?back=%2Fnotice"))
            #expect(chinese.contains("id=\"二-二\""))
            #expect(!chinese.contains(translation.blocks[1].en.htmlEscapedForTest))
        }
    }

    @Test func theCatalogNamesThePredecessorItDoesNotHold() async throws {
        try await withLiveApp(.sqlite) { client in
            let english = String(buffer: try await client.execute(uri: "/catalog", method: .get, headers: [.cookie: "lang=en"]).body)
            #expect(english.contains("Made on the basis of: Tianjin Catalog of Recognized Foreign Professional Qualifications (2022 edition)"))
            #expect(english.contains("does not hold the 2022 edition"))
            let chinese = String(buffer: try await client.execute(uri: "/catalog", method: .get, headers: [.cookie: "lang=zh"]).body)
            #expect(chinese.contains("制定基础：本市境外职业资格认可目录（2022年版）"))
        }
    }
}

extension String {
    /// As Plot writes text: &, < and > escaped.
    var htmlEscapedForTest: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
