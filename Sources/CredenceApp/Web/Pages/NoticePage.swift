import CredenceCore
import Plot

/// `/notice`: the notice's full text, each section and clause with an anchor (`#二-二`)
/// that other pages link to. In English, Credence's translation block by block with the
/// Chinese original in the same block (the authority); in Chinese, the text as published
/// with a link to the translation. Annex 1, the table, is shown from the catalog data.
struct NoticePage {
    var notice: Notice
    var translation: NoticeTranslation
    var entries: [Entry]

    func render(_ page: PageContext) -> HTML {
        let aligned = page.language == .en ? translation.aligned(with: notice) : nil
        return Layout.page(page, title: page.t("通知原文", "The notice"), content: .group(
            .unwrap(aligned, { blocks in english(blocks) }, else: chinese(page))
        ))
    }

    private func chinese(_ page: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("note"), .a(.attribute(named: "lang", value: "en"), .href(SiteURL.language(.en, back: "/notice").path),
                                  .text("Read it in English — " + translation.about.en))),
            .article(
                .attribute(named: "lang", value: "zh"), .class("notice"),
                .h1(.text(notice.title)),
                .forEach(notice.blocks) { block in chineseNode(block) }
            ))
    }

    private func english(_ blocks: [(chinese: NoticeBlock, english: NoticeTranslation.Block)]) -> Node<HTML.BodyContext> {
        .article(
            .class("notice translated"),
            .h1(.text(translation.title)),
            .p(.class("translation-about"), .strong(.text(translation.about.en)),
               .text(" Each block below gives the translation first and the Chinese as published beneath it.")),
            .blockquote(.attribute(named: "lang", value: "zh"), .class("original"), .p(.text(notice.title))),
            .forEach(blocks) { pair in englishNode(pair.chinese, pair.english) }
        )
    }

    private func englishNode(_ chinese: NoticeBlock, _ english: NoticeTranslation.Block) -> Node<HTML.BodyContext> {
        let original: Node<HTML.BodyContext> = .blockquote(.attribute(named: "lang", value: "zh"), .class("original"),
                                                           .p(.text(chinese.text ?? "")))
        switch chinese {
        case .section(let anchor, _), .clause(let anchor, _):
            let heading: Node<HTML.BodyContext> = {
                let content: Node<HTML.BodyContext> = .group(
                    .a(.class("anchor"), .href("#" + anchor.queryEncoded), .text("§")), .text(" " + english.en))
                if case .section = chinese { return .h2(content) }
                return .p(.class("clause"), content)
            }()
            return .section(.id(anchor.attributeEscaped), .class("notice-block"), heading,
                            .p(.class("translation-label"), .text("Credence's translation, not official; the Chinese below is the authority.")),
                            original)
        case .paragraph:
            return .div(.class("notice-block"), .p(.text(english.en)), original)
        case .annex(let anchor, let number):
            return .section(.id(anchor.attributeEscaped), .class("notice-block"),
                            .h2(.text(english.en), .text(" · "), .span(.attribute(named: "lang", value: "zh"), .text("附件\(number)"))),
                            .if(number == "1", annexTable(english: true)))
        }
    }

    private func chineseNode(_ block: NoticeBlock) -> Node<HTML.BodyContext> {
        switch block {
        case .section(let anchor, let text):
            return .h2(.id(anchor.attributeEscaped), .a(.class("anchor"), .href("#" + anchor.queryEncoded), .text("§")), .text(" " + text))
        case .clause(let anchor, let text):
            return .p(.id(anchor.attributeEscaped), .class("clause"),
                      .a(.class("anchor"), .href("#" + anchor.queryEncoded), .text("§")), .text(" " + text))
        case .paragraph(let text):
            return .p(.text(text))
        case .annex(let anchor, let number):
            return .group(
                .h2(.id(anchor.attributeEscaped), .text("附件\(number)")),
                .if(number == "1", annexTable(english: false))
            )
        }
    }

    /// Annex 1 from the catalog data; in English its headings translated and each row's
    /// English (the entries' own translations) with the Chinese name kept beside it.
    private func annexTable(english: Bool) -> Node<HTML.BodyContext> {
        let columns = english ? translation.annex1.columns : ["序号", "境外职业资格证书名称", "国家或地区", "证书颁发机构", "专业领域", "备注"]
        return .div(.class("table-wrap"), .table(
            .caption(.text(english ? translation.annex1.caption : "天津市境外职业资格认可目录（2023年版）")),
            .thead(.tr(.forEach(columns) { .th(.text($0)) })),
            .tbody(.forEach(entries) { entry in
                .tr(
                    .td(.text("\(entry.seq)")),
                    .td(.a(.href(SiteURL.entry(entry.id).path), .text(english ? entry.name.en : entry.name.zh)),
                        .if(english, .span(.class("meta"), .attribute(named: "lang", value: "zh"), .text(" " + entry.name.zh)))),
                    .td(.text((english ? entry.region?.en : entry.region?.zh) ?? "")),
                    .td(.text(english ? entry.issuer.en : entry.issuer.zh)),
                    .td(.text(entry.fields.map { english ? $0.name.en : $0.name.zh }.joined(separator: english ? ", " : "、"))),
                    .td(.text(english ? entry.remarks.en : entry.remarks.zh))
                )
            })
        ))
    }
}

extension NoticeBlock {
    /// The block's text as published (an annex heading has only its number).
    var text: String? {
        switch self {
        case .section(_, let text), .clause(_, let text), .paragraph(let text): text
        case .annex(_, let number): "附件\(number)"
        }
    }
}
