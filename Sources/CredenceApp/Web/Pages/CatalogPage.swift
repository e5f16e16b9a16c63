import CredenceCore
import Plot

/// `/catalog`: the edition in force as a table, filtered by field and region, or ranked
/// by a search.
struct CatalogPage {
    var edition: Edition
    var entries: [Entry]
    /// Regions present in the edition, in first-seen order, for the filter.
    var regions: [BilingualText]
    var hasBlankRegion: Bool
    var query: String?
    var filter: EntryFilter
    /// The edition this one was made on the basis of, as the notice names it.
    var predecessor: NoticeTranslation.Predecessor?
    /// What the edition's notice repeals, and how its effective date is set.
    var lineage: EditionLineage?

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        let title = edition.title.text(in: lang)
        return Layout.page(page, title: page.t("目录", "Catalog"), content: .group(
            .h1(.text(title)),
            .p(.class("meta"), .text(page.t("状态：", "Status: ") + edition.status.name.text(in: lang)),
               .unwrap(edition.issuedOn) { .text(page.t("；发布日期：", "; issued ") + $0.description) },
               .unwrap(edition.noticeRef) { .text(page.t("；文号：", "; notice reference ") + $0) },
               .unwrap(edition.supersedes) { old in
                   .group(.text(" · "), .a(.href("/editions/\(old.queryEncoded)/diff/\(edition.id.queryEncoded)"),
                                           .text(page.t("与上一版本相比的变化", "What changed since \(old)"))))
               }),
            Layout.searchForm(page, query: query),
            filterForm(page),
            .p(.class("count"), .text(countLine(page))),
            .if(entries.isEmpty, .p(.class("empty"), .text(page.t(
                "没有符合条件的资格。请换个说法，或清除筛选。", "No qualification matches. Try other words or clear the filters.")))),
            .if(!entries.isEmpty, table(page)),
            // Plot's details holds no body content: written as elements. Open before any search.
            .element(named: "details", nodes: [
                .class("edition-about"), .if(query == nil, .attribute(named: "open", value: "open")),
                .element(named: "summary", nodes: [.text(page.t("关于本版本（制定基础、废止的文件、生效日期、会签）",
                                                                "About this edition (what it was based on, what it repeals, when it took effect, sign-off)"))]),
                about(page),
            ])
        ))
    }

    /// What the edition was made on, what it repeals, when it took effect, its sign-off.
    private func about(_ page: PageContext) -> Node<HTML.BodyContext> {
        let lang = page.language
        return .group(
            SignOffParts.record(edition, page),
            .unwrap(predecessor) { predecessor in
                .p(.class("meta lineage"),
                   .text(page.t("制定基础：", "Made on the basis of: ") + predecessor.title.text(in: lang) + page.t("。", ". ")),
                   .text(predecessor.note.text(in: lang) + " "),
                   .a(.href(SiteURL.notice(anchor: nil).path), .text(page.t("阅读通知", "Read the notice"))))
            },
            .unwrap(lineage) { lineage in
                .group(
                    .forEach(lineage.repeals) { repeal in
                        .p(.class("meta lineage"),
                           .text(page.t("同时废止：", "Repeals: ") + repeal.title.text(in: lang) + page.t("（", " (") + repeal.ref.text(in: lang) + page.t("）。", ")."))
                        )
                    },
                    .p(.class("meta lineage"), .text(page.t("生效日期：", "Effective date: ") + lineage.effectiveOn.note.text(in: lang)))
                )
            }
        )
    }

    private func countLine(_ page: PageContext) -> String {
        if let query {
            return page.t("“\(query)”的搜索结果：\(entries.count) 项，按相关程度排列。",
                          "\(entries.count) results for “\(query)”, best first.")
        }
        return page.t("共 \(entries.count) 项。", "\(entries.count) entries.")
    }

    private func filterForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        let lang = page.language
        return .form(
            .class("filters"), .action("/catalog"), .method(.get),
            .unwrap(query) { .input(.type(.hidden), .name("q"), .value($0.attributeEscaped)) },
            .label(.for("field"), .text(page.t("专业领域", "Field"))),
            .select(
                .id("field"), .attribute(named: "name", value: "field"),
                .choice(value: "", label: page.t("全部", "All")),
                .forEach(ProfessionalField.allCases) { field in
                    .choice(value: field.rawValue, label: field.name.text(in: lang), selected: filter.field == field)
                }
            ),
            .label(.for("region"), .text(page.t("国家或地区", "Country or region"))),
            .select(
                .id("region"), .attribute(named: "name", value: "region"),
                .choice(value: "", label: page.t("全部", "All")),
                .forEach(regions) { region in
                    .choice(value: region.zh, label: region.text(in: lang), selected: filter.region == region.zh)
                },
                .if(hasBlankRegion, .choice(
                    value: EntryFilter.blankRegion, label: page.t("（通知未注明）", "(not stated in the notice)"),
                    selected: filter.region == EntryFilter.blankRegion))
            ),
            .button(.type(.submit), .text(page.t("筛选", "Filter")))
        )
    }

    private func table(_ page: PageContext) -> Node<HTML.BodyContext> {
        let lang = page.language
        return .div(.class("table-wrap"), .table(.class("catalog-table"),
            .thead(.tr(
                .th(.text(page.t("序号", "No."))),
                .th(.text(page.t("境外职业资格证书名称", "Qualification"))),
                .th(.text(page.t("国家或地区", "Country or region"))),
                .th(.text(page.t("证书颁发机构", "Issuing body"))),
                .th(.text(page.t("专业领域", "Field")))
            )),
            .tbody(.forEach(entries) { entry in
                .tr(
                    .td(.text("\(entry.seq)")),
                    .td(.a(.href(SiteURL.entry(entry.id).path), .text(entry.name.text(in: lang))),
                        .if(lang == .en, .span(.class("sub"), .attribute(named: "lang", value: "zh"), .text(entry.name.zh)))),
                    .td(.attribute(named: "data-label", value: page.t("国家或地区", "Country or region")), .text(entry.region?.text(in: lang) ?? "—")),
                    .td(.attribute(named: "data-label", value: page.t("证书颁发机构", "Issuing body")), .text(entry.issuer.text(in: lang))),
                    .td(.attribute(named: "data-label", value: page.t("专业领域", "Field")),
                        .text(entry.fields.map { $0.name.text(in: lang) }.joined(separator: page.t("、", ", "))))
                )
            })
        ))
    }
}
