import CredenceCore
import Foundation
import Plot

/// Shared pieces of the verification pages.
enum VerificationParts {
    static func status(_ status: VerificationStatus, _ page: PageContext) -> Node<HTML.BodyContext> {
        .span(.class("badge badge-\(statusClass(status))"), .text(status.name.text(in: page.language)))
    }

    static func statusClass(_ status: VerificationStatus) -> String {
        switch status {
        case .completed: "applies"
        case .rejected, .withdrawn: "not_applicable"
        default: "conditional"
        }
    }

    static func entryName(_ id: String, _ catalog: Catalog, _ page: PageContext) -> String {
        (try? catalog.entry(id).name.text(in: page.language)) ?? id
    }

    static func date(_ date: Date, _ page: PageContext) -> String {
        CalendarDate.today(at: date).description
    }

    static func table(_ requests: [VerificationRequest], catalog: Catalog, staff: Bool, _ page: PageContext,
                      channels: [String: VerificationChannel] = [:]) -> Node<HTML.BodyContext> {
        .div(.class("table-wrap"), .table(
            .thead(.tr(
                .th(.text(page.t("提交日期", "Submitted"))),
                .if(staff, .th(.text(page.t("用人单位", "Employer")))),
                .th(.text(page.t("资格", "Qualification"))),
                .th(.text(page.t("持证人", "Holder"))),
                .th(.text(page.t("状态", "Status"))),
                .th(.text(page.t("预计完成", "Estimated"))),
                .if(staff, .th(.text(page.t("核验渠道", "Channel"))))
            )),
            .tbody(.forEach(requests) { request in
                .tr(
                    .td(.a(.href(SiteURL.request(request.id).path), .text(date(request.createdAt, page)))),
                    .if(staff, .td(.text(request.organizationName ?? "—"))),
                    .td(.text(entryName(request.entryId, catalog, page))),
                    .td(.text(request.holderName)),
                    .td(status(request.status, page), .if(staff && request.consent.basis == .holder,
                        .span(.class("meta"), .text(" · " + ConsentParts.basis(request, page))))),
                    .td(.text(request.estimatedCompletionOn ?? "—"),
                        .if(request.overdue, .span(.class("badge badge-overdue"), .text(page.t(" 已逾期", " overdue"))))),
                    .if(staff, .td(.unwrap(channels[request.entryId], { channel in
                        .group(.text(channel.kind.name.text(in: page.language)), .br(), ChannelParts.confidence(channel, page),
                               ChannelParts.evidence(channel, page, open: false))
                    }, else: .text("—"))))
                )
            })
        ))
    }
}
