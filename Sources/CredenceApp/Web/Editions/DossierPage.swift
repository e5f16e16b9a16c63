import CredenceCore
import Foundation
import Plot

/// `/admin/entries/{id}/review`: an entry's review dossier — the last 24 months as a chart
/// and a table (and CSV), its channel's standing, and the review notes with a form to add one.
struct DossierPage {
    var entry: Entry
    var dossier: EntryDossier
    var error: BilingualText?

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        let base = "/admin/entries/\(entry.id.queryEncoded)/review"
        return Layout.page(page, title: page.t("复审档案", "Review dossier") + " · " + entry.name.text(in: lang), content: .group(
            .p(.class("crumbs"), .a(.href("/admin/demand"), .text(page.t("纳入需求", "Demand for new entries"))), .text(" · "),
               .a(.href("/admin/editions"), .text(page.t("目录版本管理", "Catalog editions")))),
            .h1(.text(page.t("复审档案：", "Review dossier: ") + entry.name.text(in: lang))),
            .p(.class("lead"), .text(page.t("通知第四部分：适时跟踪发证情况、会员水平、从业能力等。以下为 Credence 自身掌握的近24个月情况和复审记录。",
                                            "Section 四: the catalog tracks issuance, membership level and practice ability. Below, what Credence itself knows over the last 24 months, and the review notes."))),
            .p(.class("meta"), .text(page.t("最近复审：", "Last reviewed: ") + (dossier.lastReviewedOn?.description ?? page.t("尚无复审记录", "no review note yet"))
                                     + page.t("；核验渠道：", "; channel: ") + ChannelConfidence(rawValue: dossier.channelConfidence.rawValue)!.name.text(in: lang)
                                     + (dossier.channelConfirmedOn.map { page.t("（\($0)确认）", " (confirmed \($0))") } ?? ""))),
            .raw(StatisticsPage.barChart(dossier.months.map { (String($0.month.suffix(5)), $0.requests) }, label: page.t("每月核验申请数", "Verification requests per month"))),
            .p(.a(.href(base + ".csv"), .text(page.t("下载 CSV", "Download CSV")))),
            .div(.class("table-wrap"), .table(
                .thead(.tr(.forEach(Self.headers(page)) { .th(.text($0)) })),
                .tbody(.forEach(dossier.months.reversed()) { month in
                    .tr(.forEach(Self.cells(month)) { .td(.text($0)) })
                })
            )),
            .h2(.text(page.t("复审记录", "Review notes"))),
            Banner.error(error, page),
            .if(dossier.notes.isEmpty, .p(.text(page.t("尚无复审记录。", "No review note yet.")))),
            .ul(.class("notes"), .forEach(dossier.notes) { note in
                .li(.strong(.text(note.kind.name.text(in: lang))), .text(" · " + LocalTime.text(note.at, lang) + " · " + note.by + page.t("：", ":")),
                    .p(.text(note.text)),
                    .unwrap(note.source) { .p(.class("sub"), .a(.href($0.attributeEscaped), .attribute(named: "rel", value: "noreferrer"), .text($0))) })
            }),
            .form(
                .class("account-form"), .action(base + "/notes"), .method(.post), Layout.csrfField(page),
                .div(.class("question"),
                     .label(.for("note-kind"), .text(page.t("类别", "Kind"))),
                     .select(.id("note-kind"), .attribute(named: "name", value: "kind"),
                             .forEach(ReviewNoteKind.allCases) { .choice(value: $0.rawValue, label: $0.name.text(in: lang)) })),
                .div(.class("question"),
                     .label(.for("note-text"), .text(page.t("发现的情况", "What was found"))),
                     .textarea(.id("note-text"), .name("text"), .attribute(named: "rows", value: "4"), .text(""))),
                TextField(name: "source", label: BilingualText(zh: "来源网址（可选）", en: "Source address (optional)")).render(page),
                .button(.type(.submit), .text(page.t("记录", "Add the note")))
            )
        ))
    }

    static func headers(_ page: PageContext) -> [String] {
        [page.t("月份", "Month"), page.t("申请", "Requests"), page.t("真实", "Authentic"), page.t("不真实", "Not authentic"),
         page.t("无法核实", "Unable to verify"), page.t("已过期", "Expired"), page.t("工作日中位数", "Median working days"),
         page.t("复核申请", "Reviews asked"), page.t("复核改变", "Reviews changed"), page.t("评价", "Ratings"), page.t("平均评分", "Average rating"),
         page.t("目录提醒", "Catalog alerts")]
    }

    static func cells(_ month: DossierMonth) -> [String] {
        [month.month, String(month.requests), String(month.authentic), String(month.notAuthentic), String(month.unableToVerify), String(month.expired),
         month.medianWorkingDays.map { String(format: "%.1f", $0) } ?? "", String(month.reviewsAsked), String(month.reviewsChanged),
         String(month.ratings), month.averageRating.map { String(format: "%.2f", $0) } ?? "", String(month.alertsSent)]
    }

    static func csv(_ dossier: EntryDossier) -> String {
        var lines = ["month,requests,authentic,not_authentic,unable_to_verify,expired,median_working_days,reviews_asked,reviews_changed,ratings,average_rating,alerts_sent"]
        lines += dossier.months.map { cells($0).map(CatalogCSV.quote).joined(separator: ",") }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
