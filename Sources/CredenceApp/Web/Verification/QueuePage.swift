import CredenceCore
import Foundation
import Plot

/// `/queue`: open requests, the earliest due first (overdue ones marked), then those not
/// yet accepted, oldest first; with the desk's filters and the channel to use.
struct QueuePage {
    var requests: [VerificationRequest]
    /// Whether more requests follow this page.
    var more = false
    var catalog: Catalog
    var channels: [String: VerificationChannel]
    var status: VerificationStatus?
    /// The desk's filters in force, as a query (`assignee=me&`).
    var desk = ""
    var search: String? = nil

    private var counted: String { requests.count == 1 ? "1 request" : "\(requests.count) requests" }

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("核验队列", "Verification queue"), content: .group(
            .h1(.text(page.t("核验队列", "Verification queue"))),
            .p(.class("filters"),
               .a(.href(SiteURL.queue(status: nil).path), .text(page.t("全部待办", "All open"))),
               .forEach([VerificationStatus.submitted, .needsInfo, .accepted, .underReview]) { status in
                   .group(.text(" · "), .a(.href(SiteURL.queue(status: status.rawValue, desk: desk).path), .text(status.name.text(in: page.language))))
               }),
            .p(.class("filters"),
               .a(.href(SiteURL.queue(status: status?.rawValue).path), .text(page.t("所有人的", "Everyone's"))),
               .text(" · "), .a(.href(SiteURL.queue(status: status?.rawValue, desk: "assignee=me&").path), .text(page.t("我负责的", "Mine"))),
               .text(" · "), .a(.href(SiteURL.queue(status: status?.rawValue, desk: "assignee=none&").path), .text(page.t("无人负责的", "Unassigned"))),
               .text(" · "), .a(.href(SiteURL.queue(status: status?.rawValue, desk: "overdue=true&").path), .text(page.t("已逾期的", "Overdue")))),
            RequestSearchForm.render(action: "/queue", search: search, hidden: status.map { [("status", $0.rawValue)] } ?? [], page),
            .p(.class("count"), .text(more
                ? page.t("本页 \(requests.count) 件，按预计完成日期排列，未受理的在后。", "\(counted) on this page, by due date; not yet accepted last.")
                : page.t("共 \(requests.count) 件，按预计完成日期排列，未受理的在后。", "\(counted), by due date; not yet accepted last."))),
            .if(!requests.isEmpty, VerificationParts.table(requests, catalog: catalog, staff: true, page, channels: channels)),
            .if(more, .unwrap(requests.last) { last in
                .p(.a(.href(SiteURL.queue(status: status?.rawValue, after: last.id, desk: desk).path), .text(page.t("下一页 →", "Next page →"))))
            })
        ))
    }
}
