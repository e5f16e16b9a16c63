import CredenceCore
import Plot

/// `/notice`: the notice's full text, each section and clause with an anchor (`#二-二`)
/// that other pages link to. Annex 1, the table, is shown from the catalog data.
struct NoticePage {
    var notice: Notice
    var entries: [Entry]

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("通知原文", "The notice"), content: .group(
            .if(page.language == .en, .p(.class("note"), .text(
                "The notice is shown as published, in Chinese. The catalog pages carry English translations."))),
            .article(
                .attribute(named: "lang", value: "zh"), .class("notice"),
                .h1(.text(notice.title)),
                .forEach(notice.blocks) { block in node(block) }
            )
        ))
    }

    private func node(_ block: NoticeBlock) -> Node<HTML.BodyContext> {
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
                .if(number == "1", annexTable())
            )
        }
    }

    private func annexTable() -> Node<HTML.BodyContext> {
        .div(.class("table-wrap"), .table(
            .caption(.text("天津市境外职业资格认可目录（2023年版）")),
            .thead(.tr(.th(.text("序号")), .th(.text("境外职业资格证书名称")), .th(.text("国家或地区")),
                       .th(.text("证书颁发机构")), .th(.text("专业领域")), .th(.text("备注")))),
            .tbody(.forEach(entries) { entry in
                .tr(
                    .td(.text("\(entry.seq)")),
                    .td(.a(.href(SiteURL.entry(entry.id).path), .text(entry.name.zh))),
                    .td(.text(entry.region?.zh ?? "")),
                    .td(.text(entry.issuer.zh)),
                    .td(.text(entry.fields.map(\.name.zh).joined(separator: "、"))),
                    .td(.text(entry.remarks.zh))
                )
            })
        ))
    }
}
