import CredenceCore
import Foundation
import Plot

/// `/admin/demand`: what people ask for that the catalog lacks (纳入) — searches that found
/// little (asked from three or more networks in a week), requests rejected as not in the
/// catalog, and proposals with their moderation.
struct DemandPage {
    var report: DemandReport
    var draftEdition: String?
    var error: BilingualText?

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        let admin = page.account?.role == .admin
        return Layout.page(page, title: page.t("纳入需求", "Demand for new entries"), content: .group(
            .h1(.text(page.t("纳入需求", "Demand for new entries"))),
            .p(.class("lead"), .text(page.t("通知第四部分：对需要增加的境外职业资格予以纳入。以下三类来源均不含个人信息。",
                                            "Section 四: qualifications that are needed are added. None of these three sources holds personal data."))),
            .p(.a(.href("/admin/demand.csv"), .text(page.t("下载 CSV", "Download CSV")))),
            Banner.error(error, page),
            .h2(.text(page.t("未找到或只找到弱匹配的搜索", "Searches that found nothing or only weak matches"))),
            .p(.class("note"), .text(page.t("只显示一周内来自至少3个不同网络（IPv4 /24、IPv6 /56）的搜索词；不保存地址，每周的标记密钥在一周后销毁。",
                                            "Only queries asked from at least 3 networks (an IPv4 /24, an IPv6 /56) in a week; no address is kept, and each week's tag key is destroyed after it."))),
            .if(report.searches.isEmpty, .p(.text(page.t("暂无。", "None yet.")))),
            .ul(.forEach(report.searches) { .li(.code(.text($0.query)), .text(page.t("（\($0.week)起一周，\($0.sessions)个网络）", " (week of \($0.week), \($0.sessions) networks)"))) }),
            .h2(.text(page.t("以“不属于《目录》”退回的申请", "Requests rejected as not in the catalog"))),
            .if(report.notInCatalog.isEmpty, .p(.text(page.t("暂无。", "None yet.")))),
            .ul(.forEach(report.notInCatalog) { .li(.text("\($0.name) — \($0.count)")) }),
            .h2(.text(page.t("公众建议", "Proposals"))),
            .if(report.proposals.isEmpty, .p(.text(page.t("暂无。", "None yet.")))),
            .forEach(report.proposals) { proposal in
                .section(.class("action-form"), .id("proposal-\(proposal.id.uuidString.lowercased())"),
                    .h3(.text(proposal.draft.name), .text(" · "), .span(.class("badge"), .text(proposal.status.name.text(in: lang)))),
                    .dl(.dt(.text(page.t("发证机构", "Issuing body"))), .dd(.text(proposal.draft.issuer)),
                        .dt(.text(page.t("国家或地区", "Country or region"))), .dd(.text(proposal.draft.region)),
                        .dt(.text(page.t("从业领域", "Field of work"))), .dd(.text(proposal.draft.field)),
                        .dt(.text(page.t("理由", "Why"))), .dd(.text(proposal.draft.why)),
                        .dt(.text(page.t("提交时间", "Proposed"))), .dd(.text(LocalTime.text(proposal.createdAt, lang))),
                        .unwrap(proposal.draft.contact) { .group(.dt(.text(page.t("联系邮箱", "Contact"))), .dd(.text($0))) },
                        .unwrap(proposal.decisionReason) { .group(.dt(.text(page.t("处理意见", "Decision"))), .dd(.text($0))) }),
                    .if(admin && proposal.status == .new, decisionForm(proposal, page)),
                    .if(admin && proposal.status == .accepted, .unwrap(draftEdition) { draft in
                        .p(.a(.href("/admin/editions/\(draft.queryEncoded)?proposal=\(proposal.id.uuidString.lowercased())#add-entry"),
                              .text(page.t("在草稿 \(draft) 中新增此资格（已预填）", "Add it to draft \(draft) (pre-filled)"))))
                    }))
            }
        ))
    }

    private func decisionForm(_ proposal: Proposal, _ page: PageContext) -> Node<HTML.BodyContext> {
        let id = proposal.id.uuidString.lowercased()
        return .form(
            .class("account-form"), .action("/admin/proposals/\(id)/decision"), .method(.post), Layout.csrfField(page),
            .div(.class("question"),
                 .label(.for("reason-\(id)"), .text(page.t("意见（不予采纳时必填）", "Reason (required to decline)"))),
                 .textarea(.id("reason-\(id)"), .name("reason"), .attribute(named: "rows", value: "2"), .text(""))),
            .button(.type(.submit), .name("decision"), .value(ProposalStatus.accepted.rawValue), .text(page.t("纳入审议", "Accept for review"))),
            .text(" "),
            .button(.type(.submit), .name("decision"), .value(ProposalStatus.declined.rawValue), .class("secondary"), .text(page.t("不予采纳", "Decline")))
        )
    }

    static func csv(_ report: DemandReport) -> String {
        var lines = ["source,week_or_date,text,count,status"]
        lines += report.searches.map { ["search", $0.week, $0.query, String($0.sessions), ""].map(CatalogCSV.quote).joined(separator: ",") }
        lines += report.notInCatalog.map { ["not_in_catalog", "", $0.name, String($0.count), ""].map(CatalogCSV.quote).joined(separator: ",") }
        lines += report.proposals.map {
            ["proposal", String(Timestamps.rfc3339($0.createdAt).prefix(10)), "\($0.draft.name) — \($0.draft.issuer) (\($0.draft.region))", "1",
             $0.status.rawValue].map(CatalogCSV.quote).joined(separator: ",")
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
