import CredenceCore
import Plot

/// `/entries/{id}`: every field of one entry, the remark in full, what it maps to, and
/// where each supplementary value comes from.
struct EntryPage {
    var entry: Entry
    var edition: Edition

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        return Layout.page(page, title: entry.name.text(in: lang), content: .group(
            .p(.class("crumbs"), .a(.href(SiteURL.catalog().path), .text(edition.title.text(in: lang))),
               .text(" › " + page.t("第 \(entry.seq) 项", "No. \(entry.seq)"))),
            .h1(.text(entry.name.text(in: lang))),
            .p(.class("sub"), .attribute(named: "lang", value: lang.other.rawValue), .text(entry.name.text(in: lang.other))),
            .dl(
                row(page.t("缩写", "Abbreviations"),
                    .text(entry.abbreviations.isEmpty ? "—" : entry.abbreviations.joined(separator: ", "))),
                row(page.t("国家或地区", "Country or region"),
                    .text(entry.region.map { "\($0.zh) · \($0.en)" } ?? page.t("通知未注明", "Not stated in the notice"))),
                row(page.t("证书颁发机构", "Issuing body"), .text("\(entry.issuer.zh) · \(entry.issuer.en)")),
                row(page.t("专业领域", "Field"),
                    .text(entry.fields.map { $0.name.text(in: lang) }.joined(separator: page.t("、", ", ")))),
                row(page.t("备注（原文）", "Remark (as printed)"), .span(.attribute(named: "lang", value: "zh"), .text(entry.remarks.zh))),
                row(page.t("备注（英文译文）", "Remark (English translation)"), .span(.attribute(named: "lang", value: "en"), .text(entry.remarks.en)))
            ),
            .h2(.text(page.t("这项资格带来什么", "What it maps to"))),
            .p(.class("cta"), .a(.href(SiteURL.benefits(qualifications: [entry.id]).path),
                                 .text(page.t("查看持有这项资格能享受哪些政策 →", "See what this qualification brings you →")))),
            .ul(
                .class("mapping"),
                .li(.text(titleLine(page)), .text(" "),
                    .a(.href(SiteURL.notice(anchor: "二-一").path), .text(page.t("依据：通知二（一）", "Source: notice 二（一）")))),
                .li(.text(experienceLine(page))),
                .li(.text(registrationLine(page)))
            ),
            .unwrap(entry.supplementary.isEmpty ? nil : entry.supplementary) { notes in
                .group(
                    .h2(.text(page.t("补充信息的来源", "Where the supplementary text comes from"))),
                    .p(.text(page.t("以下内容不是通知原文，由本系统补充：", "The notice does not print these; Credence added them:"))),
                    .ul(.class("sources"), .forEach(notes.sorted { $0.key < $1.key }) { note in
                        .li(.text(SupplementaryNotes.text(note.key, note.value, page.language)))
                    })
                )
            },
            .p(.a(.href("/entries/\(entry.id.queryEncoded)/history"), .text(page.t("历次版本中的这项资格", "This qualification across editions")))),
            .p(.text(page.t("编号：", "Entry id: ")), .code(.text(entry.id)),
               .text(" · "), .a(.href("/api/v1/entries/" + entry.id.queryEncoded), .text("JSON")))
        ))
    }

    private func row(_ label: String, _ value: Node<HTML.BodyContext>) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(label)), .dd(value))
    }

    private func titleLine(_ page: PageContext) -> String {
        guard let level = entry.titleLevel else {
            return page.t("职称：目录未对应职称层级。", "Professional title: the catalog maps this qualification to no title level.")
        }
        return page.t(
            "职称：符合相应职称系列（专业）基本标准条件的，可对应为\(level.name.zh)。",
            "Professional title: holders meeting the basic criteria of the title series may be recognized at the \(level.name.en.lowercased()) level.")
    }

    private func experienceLine(_ page: PageContext) -> String {
        guard let years = entry.minExperienceYears else {
            return page.t("工作经验：目录未另行要求。", "Work experience: the catalog sets no further requirement.")
        }
        return page.t("工作经验：需要有\(years == 2 ? "两" : "\(years)")年相关工作经验。",
                      "Work experience: \(years) years of related work experience required.")
    }

    private func registrationLine(_ page: PageContext) -> String {
        entry.requiresLocalRegistration
            ? page.t("注册：执业药师须在天津市药监主管部门注册。", "Registration: practising pharmacists must register with the Tianjin drug regulatory authority.")
            : page.t("注册：目录未要求在本市另行注册。", "Registration: the catalog requires no local registration.")
    }
}
