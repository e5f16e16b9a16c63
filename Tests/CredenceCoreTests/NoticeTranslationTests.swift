import CredenceCore
import Testing

/// Issue 20: the English notice beside the Chinese, clause by clause, and one glossary
/// held across the notice, the benefits and the catalog entries.
@Suite struct NoticeTranslationTests {
    let notice = Notice(text: try! BundledData.noticeText())
    let translation = try! BundledData.noticeTranslation()

    @Test func everyBlockOfTheChineseNoticeHasOneEnglishBlockOnTheSameAnchor() throws {
        #expect(translation.blocks.count == notice.blocks.count,
                "\(translation.blocks.count) English blocks for \(notice.blocks.count) Chinese ones")
        for (index, (chinese, english)) in zip(notice.blocks, translation.blocks).enumerated() {
            #expect(english.anchor == chinese.anchor, "block \(index): \(english.anchor ?? "-") ≠ \(chinese.anchor ?? "-")")
            #expect(!english.en.trimmingCharacters(in: .whitespaces).isEmpty, "block \(index) is empty")
        }
        let anchors = notice.blocks.compactMap(\.anchor)
        #expect(Set(anchors).count == anchors.count, "an anchor twice")
        #expect(Set(translation.blocks.compactMap(\.anchor)) == Set(anchors))
        #expect(try #require(translation.aligned(with: notice)).count == notice.blocks.count)
        // A clause's number is carried over: （二） → (2).
        let numbers = ["一": "1", "二": "2", "三": "3", "四": "4"]
        for block in translation.blocks {
            guard let anchor = block.anchor, let last = anchor.split(separator: "-").last, let number = numbers[String(last)] else { continue }
            #expect(block.en.hasPrefix(number + ".") || block.en.hasPrefix("(\(number))"), "#\(anchor): \(block.en.prefix(20))")
        }
    }

    @Test func theGlossaryIsUsedTheSameWayInTheNotice() {
        let chinese = ([notice.title] + notice.blocks.map(Self.text)).joined(separator: "\n")
        for term in translation.glossary {
            #expect(chinese.contains(term.zh), "\(term.zh) is not in the notice")
        }
        for (chinese, english) in zip(notice.blocks, translation.blocks) {
            #expect(translation.inconsistencies(zh: Self.text(chinese), en: english.en).isEmpty,
                    "#\(chinese.anchor ?? "paragraph"): \(translation.inconsistencies(zh: Self.text(chinese), en: english.en).map(\.en))")
        }
    }

    @Test func theGlossaryIsUsedTheSameWayInTheBenefitsAndTheEntries() throws {
        var pairs: [(String, BilingualText)] = Benefit.allCases.map { ("title of \($0.rawValue)", $0.title) }
        let catalog = BenefitsRulesTests.catalog
        for rule in BenefitsRulesTests.cases {
            let evaluation = try catalog.evaluateBenefits(rule.profile)
            for result in evaluation.benefits {
                pairs += result.reasons.map { ("reason of \(result.benefit.rawValue) in \(rule.name)", evaluation.text(of: $0)) }
            }
        }
        for entry in try BundledData.tianjin2023().entries {
            pairs += [("\(entry.id).name", entry.name), ("\(entry.id).issuer", entry.issuer), ("\(entry.id).remarks", entry.remarks)]
        }
        for (place, text) in pairs {
            let missing = translation.inconsistencies(zh: text.zh, en: text.en)
            #expect(missing.isEmpty, "\(place): \(missing.map { "\($0.zh) → \($0.en)" }) in “\(text.en)”")
        }
    }

    @Test func thePredecessorIsNamedAndNotInvented() {
        #expect(translation.predecessor.held == false)
        #expect(notice.blocks.contains { if case .paragraph(let text) = $0 { text.contains(translation.predecessor.quote) } else { false } })
    }

    static func text(_ block: NoticeBlock) -> String {
        switch block {
        case .section(_, let text), .clause(_, let text), .paragraph(let text): text
        case .annex(_, let number): "附件\(number)"
        }
    }
}

/// Issue 22: the edition's lineage is the notice's own words — what it repeals, and that it
/// prints no publication date.
@Suite struct EditionLineageTests {
    @Test func theRepealAndTheEffectiveDateAreTheNoticesWords() throws {
        let notice = try BundledData.noticeText()
        let lineage = try #require(try BundledData.editionLineages()["tianjin-2023"])
        #expect(lineage.repeals.count == 1)
        for repeal in lineage.repeals {
            #expect(notice.contains(repeal.quote))
            #expect(notice.contains(repeal.ref.zh) && repeal.quote.contains(repeal.title.zh))
            #expect(try BundledData.noticeTranslation().inconsistencies(zh: repeal.ref.zh, en: repeal.ref.en).isEmpty)
        }
        #expect(notice.contains(lineage.effectiveOn.quote))
        #expect(notice.contains("2023年12月29日") && lineage.effectiveOn.note.zh.contains("2023年12月29日"))
        #expect(try BundledData.tianjin2023().edition.effectiveOn?.description == "2023-12-29")
    }
}
