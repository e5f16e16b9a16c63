import CredenceCore
import Foundation
import Plot

/// `/requests`: an employer's requests (status changes show here) and its webhook.
struct RequestsPage {
    var requests: [VerificationRequest]
    /// Whether older requests follow this page.
    var more = false
    /// What was searched for, if anything.
    var search: String? = nil
    var changes: [RequestChange]
    var catalog: Catalog
    var webhookURL: String?
    var newSecret: String?
    /// Messages given up after every retry, and the last error.
    var undeliverable: (count: Int, lastError: String?) = (0, nil)
    var batches: [(id: UUID, createdAt: Date, count: Int)] = []
    /// Editions in force that retired or changed entries of completed requests.
    var alerts: [CatalogAlert] = []
    /// Authentic results whose certificate expires within `ExpiryNotice.days` (issue 33).
    var expiring: [VerificationRequest] = []

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("查验申请", "Verification requests"), content: .group(
            .h1(.text(page.t("证书查验申请", "Certificate verification requests"))),
            .p(.class("lead"), .text(page.t(
                "用人单位可免费在线申请查验拟引进人才境外职业资格证书的真实性（", "Employers can have a candidate's foreign certificate checked online, free of charge (")),
               .a(.href(SiteURL.notice(anchor: "三").path), .text(page.t("通知三", "notice, section 三"))),
               .text(page.t("、", " and ")),
               .a(.href(SiteURL.notice(anchor: "附件2").path), .text(page.t("附件2", "annex 2"))),
               .text(page.t("）。", ")."))),
            .p(.a(.class("button"), .href(SiteURL.newRequest(entry: nil).path), .text(page.t("新的查验申请", "New verification request")))),
            ReviewParts.expiring(expiring, catalog: catalog, page),
            RequestSearchForm.render(action: SiteURL.requests.path, search: search, hidden: [], page),
            .if(requests.isEmpty, .p(.class("empty"), .text(search == nil ? page.t("还没有申请。", "No requests yet.")
                                                                       : page.t("没有找到符合的申请。", "No request matches.")))),
            .if(!requests.isEmpty, VerificationParts.table(requests, catalog: catalog, staff: false, page)),
            .if(more, .unwrap(requests.last) { last in
                .p(.a(.href(SiteURL.olderRequests(after: last.id, search: search).path), .text(page.t("更早的申请 →", "Older requests →"))))
            }),
            CatalogAlertParts.list(alerts, catalog: catalog, page),
            BatchParts.list(batches, page),
            .if(!changes.isEmpty, .group(
                .h2(.text(page.t("最近的状态变更", "Recent changes"))),
                .ul(.class("changes"), .forEach(changes) { change in
                    .li(LocalTime.node(change.event.at, page), .text(" · "),
                        .a(.href(SiteURL.request(change.request).path),
                           .text(change.holderName + " · " + VerificationParts.entryName(change.entryId, catalog, page))),
                        HistoryParts.step(change.event, page),
                        .if(change.event.note != nil, .text(" — " + HistoryParts.note(change.event, page))))
                })
            )),
            .h2(.text(page.t("状态变更通知（Webhook）", "Status change notifications (webhook)"))),
            .p(.text(page.t(
                "每次状态变更都会显示在本页。也可以登记一个网址，每次变更时以 JSON 推送，并用 HMAC-SHA256 签名（Credence-Timestamp、Credence-Signature 头）。",
                "Every change shows on this page. You may also register an address that receives each change as JSON, signed with HMAC-SHA256 (Credence-Timestamp and Credence-Signature headers)."))),
            .if(undeliverable.count > 0, .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .p(.text(page.t(
                "有\(undeliverable.count)条通知多次重试后仍无法送达，已停止发送；请检查接收网址。最后的错误：",
                "\(undeliverable.count) notifications could not be delivered after every retry and were given up; check the receiving address. Last error: ")
                + (undeliverable.lastError ?? ""))))),
            .unwrap(newSecret) { secret in
                .div(.class("done"), .p(.text(page.t("签名密钥（只显示这一次）：", "Signing secret (shown only this once): ")), .code(.text(secret))))
            },
            .form(
                .class("account-form"), .action(SiteURL.webhook.path), .method(.post), Layout.csrfField(page),
                TextField(name: "url", label: BilingualText(zh: "接收网址", en: "Receiving address"), type: .url)
                    .render(page, value: webhookURL ?? ""),
                .button(.type(.submit), .text(page.t("保存并生成新密钥", "Save and make a new secret")))
            )
        ))
    }
}
