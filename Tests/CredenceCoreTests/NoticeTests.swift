import CredenceCore
import Testing

@Suite struct NoticeTests {
    let notice = Notice(text: try! BundledData.noticeText())

    @Test func titleIsTheNoticesOwn() {
        #expect(notice.title == "市人社局等七部门关于印发《天津市境外职业资格认可目录（2023年版）》的通知")
    }

    @Test func everySectionAndClauseHasAnAnchor() {
        for anchor in ["一", "二", "二-一", "二-二", "二-三", "二-四", "三", "四", "附件1", "附件2",
                       "附件2-一", "附件2-二", "附件2-三", "附件2-四"] {
            #expect(notice.block(anchor: anchor) != nil, "no block #\(anchor)")
        }
        guard case .clause(_, let text) = notice.block(anchor: "二-二") else {
            Issue.record("二-二 is not a clause"); return
        }
        #expect(text.hasPrefix("（二）提供工作许可便利。"))
        #expect(text.contains("年龄可放宽至65周岁（高精尖产业领域可放宽至70周岁）"))
    }

    @Test func theAnnexTableIsNotRepeatedAsParagraphs() {
        let paragraphs = notice.blocks.compactMap { if case .paragraph(let text) = $0 { text } else { nil } }
        #expect(!paragraphs.contains("CFA特许金融分析师证书"))
        #expect(paragraphs.contains { $0.hasPrefix("为进一步推进更高水平对外开放") })
    }
}

/// Issue 33: what the verification pages quote of the notice is the notice's own text.
@Suite struct VerificationPlatformTests {
    @Test func theSentenceAndAddressAreAsPrinted() throws {
        let text = try BundledData.noticeText()
        #expect(text.contains(VerificationPlatform.sentence.zh))
        #expect(text.contains(VerificationPlatform.name.zh + "（" + VerificationPlatform.address + "）"))
        let translation = try BundledData.noticeTranslation()
        #expect(translation.blocks.contains { $0.en == VerificationPlatform.sentence.en })
        #expect(translation.glossary.contains { $0.zh == VerificationPlatform.name.zh && $0.en == VerificationPlatform.name.en })
        #expect(!CredentialIssuer.defaultName.zh.contains("天津"), "no default name that sounds like a government body")
    }
}
