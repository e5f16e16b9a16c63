import CredenceCore
import Plot

/// `/`: what Credence is, a search box, the way into the catalog and the notice.
enum HomePage {
    static func render(_ page: PageContext, snapshot: CatalogSnapshot) -> HTML {
        let edition = snapshot.catalog.inForce
        let count = edition.flatMap { snapshot.catalog.entries(of: $0.id)?.count } ?? 0
        return Layout.page(page, title: page.t("首页", "Home"), content: .group(
            .h1(.text(page.t("您的境外职业资格在天津获得认可吗？", "Is your foreign qualification recognized in Tianjin?"))),
            .p(.class("lead"), .text(page.t(
                "天津市境外职业资格认可目录列出在中国（天津）自由贸易试验区及其联动区域内认可的境外职业资格。持有目录内资格的专业人才可享受执业、职称、工作许可和出入境等便利。",
                "Tianjin's catalog lists the foreign professional qualifications recognized in the China (Tianjin) Pilot Free Trade Zone and its linked zones. Holders can practise there and receive professional-title, work-permit and entry facilitation."))),
            Layout.searchForm(page, query: nil),
            .unwrap(edition) { edition in
                .p(.text(page.t("现行版本：", "In force: ")),
                   .a(.href(SiteURL.catalog().path), .text(edition.title.text(in: page.language))),
                   .text(page.t("，共 \(count) 项。", ", \(count) entries.")))
            },
            .ul(
                .class("links"),
                .li(.a(.href(SiteURL.catalog().path), .text(page.t("浏览全部目录", "Browse the whole catalog")))),
                .li(.a(.href(SiteURL.benefits().path), .text(page.t("我的资格能享受哪些政策？", "What does my qualification bring me?")))),
                .li(.a(.href(SiteURL.notice().path), .text(page.t("阅读通知原文", "Read the notice")))),
                .li(.a(.href("/openapi.yaml"), .text(page.t("给其他系统：JSON 接口", "For other systems: the JSON API"))))
            )
        ))
    }
}
