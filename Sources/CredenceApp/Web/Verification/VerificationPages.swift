import CredenceCore
import CredenceStore
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
                    .td(status(request.status, page)),
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

/// `/requests`: an employer's requests (status changes show here) and its webhook.
struct RequestsPage {
    var requests: [VerificationRequest]
    /// Whether older requests follow this page.
    var more = false
    /// What was searched for, if anything.
    var search: String? = nil
    var changes: [Verifications.RecentChange]
    var catalog: Catalog
    var webhookURL: String?
    var newSecret: String?
    /// Messages given up after every retry, and the last error.
    var undeliverable: (count: Int, lastError: String?) = (0, nil)
    var batches: [(id: UUID, createdAt: Date, count: Int)] = []
    /// Editions in force that retired or changed entries of completed requests.
    var alerts: [CatalogAlert] = []

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
                        .text(" · " + change.event.action.name.text(in: page.language) + " → "), VerificationParts.status(change.event.to, page),
                        .unwrap(change.event.note) { .text(" — " + $0) })
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

/// `/requests/new`: the form of annex 2 (一): the certificate's details, the holder's consent.
struct NewRequestPage {
    var entries: [Entry]
    var values: [String: String] = [:]
    var errors: [String: BilingualText] = [:]
    /// A refused batch file's problems, row by row.
    var batchProblems: [CatalogCSV.RowError] = []

    static var fields: [TextField] { [
        TextField(name: "holder.name", label: BilingualText(zh: "持证人姓名（与证书一致）", en: "Holder's name (as on the certificate)")),
        TextField(name: "holder.dateOfBirth", label: BilingualText(zh: "出生日期（可选）", en: "Date of birth (optional)"), type: .date),
        TextField(name: "holder.passportNumber", label: BilingualText(zh: "护照号码（可选，加密保存）", en: "Passport number (optional, stored encrypted)")),
        TextField(name: "certificateNumber", label: BilingualText(zh: "证书编号", en: "Certificate number")),
        TextField(name: "issuedOn", label: BilingualText(zh: "发证日期（可选）", en: "Issued on (optional)"), type: .date),
        TextField(name: "expiresOn", label: BilingualText(zh: "有效期至（可选）", en: "Expires on (optional)"), type: .date),
    ] }

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("新的查验申请", "New verification request"), content: .group(
            .h1(.text(page.t("新的查验申请", "New verification request"))),
            Banner.error(errors.isEmpty ? nil : BilingualText(zh: "申请未提交，请修改标出的内容。", en: "Nothing was submitted; please correct the marked fields."), page),
            .form(
                .class("account-form"), .action(SiteURL.requests.path), .method(.post),
                .attribute(named: "enctype", value: "multipart/form-data"),
                Layout.csrfField(page),
                .div(
                    .class(errors["entryId"] == nil ? "question" : "question invalid"),
                    .label(.for("f-entryId"), .text(page.t("境外职业资格", "Qualification"))),
                    .unwrap(errors["entryId"]) { .p(.class("field-error"), .text($0.text(in: page.language))) },
                    .select(
                        .id("f-entryId"), .attribute(named: "name", value: "entryId"),
                        .choice(value: "", label: page.t("请选择", "Choose one")),
                        .forEach(entries) { entry in
                            .choice(value: entry.id, label: "\(entry.seq). \(entry.name.text(in: page.language))",
                                    selected: values["entryId"] == entry.id)
                        }
                    )
                ),
                .forEach(Self.fields.prefix(1)) { $0.render(page, value: values[$0.name] ?? "", error: errors[$0.name]) },
                CountryNames.picker(name: "holder.nationality", id: "f-holder.nationality", value: values["holder.nationality"] ?? "",
                                    label: BilingualText(zh: "国籍", en: "Nationality"), error: errors["holder.nationality"], page),
                .forEach(Self.fields.dropFirst()) { $0.render(page, value: values[$0.name] ?? "", error: errors[$0.name]) },
                .div(.class("question"),
                     .label(.for("f-note"), .text(page.t("备注（可选）", "Note (optional)"))),
                     .textarea(.id("f-note"), .name("note"), .attribute(named: "rows", value: "3"), .text(values["note"] ?? ""))),
                .div(.class(errors["file"] == nil ? "question" : "question invalid"),
                     .label(.for("f-file"), .text(page.t("证书扫描件（可选，PDF/PNG/JPEG，不超过10 MiB）", "Scan of the certificate (optional; PDF, PNG or JPEG, up to 10 MiB)"))),
                     .unwrap(errors["file"]) { .p(.class("field-error"), .text($0.text(in: page.language))) },
                     .input(.type(.file), .id("f-file"), .name("file"), .attribute(named: "accept", value: ".pdf,.png,.jpg,.jpeg"))),
                .div(.class(errors["holderConsent"] == nil ? "question" : "question invalid"),
                     .unwrap(errors["holderConsent"]) { .p(.class("field-error"), .text($0.text(in: page.language))) },
                     .label(.class("check"), .input(.type(.checkbox), .name("holderConsent"), .value("true"), .checked(values["holderConsent"] == "true")),
                            .text(page.t(" 持证人已同意将上述个人信息用于本次查验（《个人信息保护法》）。",
                                         " The holder has agreed to this information being used for this check (Personal Information Protection Law).")))),
                .button(.type(.submit), .text(page.t("提交申请", "Submit the request")))
            ),
            BatchParts.upload(page, problems: batchProblems)
        ))
    }
}

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
               .forEach([VerificationStatus.submitted, .needsInfo, .accepted]) { status in
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

/// `/verify`: anyone checks an authentic result's code.
struct VerifyPage {
    var code: String?
    var check: PublicCheck?
    var entryName: BilingualText?
    /// A credential's verdict, when one was pasted or uploaded.
    var verdict: CredentialVerdict?
    var credentialError: BilingualText?

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("核对核验结果", "Check a verification result"), content: .group(
            .h1(.text(page.t("核对核验结果", "Check a verification result"))),
            .form(
                .class("search"), .action("/verify"), .method(.get),
                .label(.for("code"), .text(page.t("查验码", "Verification code"))),
                .div(.input(.type(.text), .id("code"), .name("code"), .value((code ?? "").attributeEscaped),
                            .placeholder("TJ-XXXXX-XXXXX")),
                     .button(.type(.submit), .text(page.t("核对", "Check"))))
            ),
            .unwrap(code) { code in
                .unwrap(check, { check in codeResult(check, page) },
                        else: .p(.class("field-error"), .text(page.t("没有查验码为“\(code)”的真实结果。", "No authentic result has the code “\(code)”."))))
            },
            .h2(.text(page.t("或核对可验证凭证文件", "Or check a verifiable credential file"))),
            .form(
                .class("action-form"), .action("/verify/credential"), .method(.post),
                .attribute(named: "enctype", value: "multipart/form-data"), Layout.csrfField(page),
                .unwrap(credentialError) { .p(.class("field-error"), .text($0.text(in: page.language))) },
                .div(.class("question"),
                     .label(.for("credential-file"), .text(page.t("凭证文件（JSON，不超过 1 MiB）", "Credential file (JSON, up to 1 MiB)"))),
                     .input(.type(.file), .id("credential-file"), .name("file"), .attribute(named: "accept", value: ".json,application/json"))),
                .div(.class("question"),
                     .label(.for("credential"), .text(page.t("或粘贴凭证内容", "Or paste its content"))),
                     .textarea(.id("credential"), .name("credential"), .attribute(named: "rows", value: "4"), .text(""))),
                .button(.type(.submit), .text(page.t("核对凭证", "Check the credential")))
            ),
            .unwrap(verdict) { verdict in
                .div(.class(verdict.verified ? "result" : "error-summary"), .id("verdict"),
                     .h2(.text(verdict.verified ? page.t("凭证有效", "The credential is valid") : page.t("凭证未通过核对", "The credential did not pass"))),
                     .ul(.class("checks"), .forEach(verdict.checks) { check in
                         .li(.class(check.result.rawValue),
                             .strong(.text(label(check.check, page) + page.t("：", ": ") + result(check.result, page))), .text(" " + check.message.text(in: page.language)))
                     }))
            }
        ))
    }

    private func codeResult(_ check: PublicCheck, _ page: PageContext) -> Node<HTML.BodyContext> {
        .div(.class(check.revocation == nil ? "result" : "error-summary"),
             .unwrap(check.revocation, { revocation in
                 .h2(.text(page.t("已撤销", "Revoked") + " · " + CalendarDate.today(at: revocation.at).description + " · "
                           + revocation.reason.name.text(in: page.language)))
             }, else: .h2(.text(page.t("证书真实", "Authentic")))),
             .dl(
                .dt(.text(page.t("查验码", "Code"))), .dd(.code(.text(check.code))),
                .dt(.text(page.t("资格", "Qualification"))), .dd(.text(entryName?.text(in: page.language) ?? check.entryId)),
                .dt(.text(page.t("持证人", "Holder"))), .dd(.text(check.holderNameMasked)),
                .dt(.text(page.t("完成日期", "Completed on"))), .dd(.text(check.completedOn)),
                .dt(.text(page.t("目录版本", "Catalog edition"))), .dd(.text(check.edition))
             ),
             .p(.class("note"), .text(Disclaimer.text.text(in: page.language) + " "),
                .a(.href(SiteURL.notice(anchor: "附件2-四").path), .text(page.t("通知附件2第四条", "The notice, annex 2 (4)")))))
    }

    private func label(_ kind: CredentialCheck.Kind, _ page: PageContext) -> String {
        switch kind {
        case .format: page.t("格式", "Format")
        case .signature: page.t("签名", "Signature")
        case .issuer: page.t("签发方与密钥", "Issuer and key")
        case .status: page.t("撤销状态", "Revocation status")
        case .validity: page.t("有效期", "Validity dates")
        }
    }

    private func result(_ result: CredentialCheck.Result, _ page: PageContext) -> String {
        switch result {
        case .pass: page.t("通过", "pass")
        case .fail: page.t("未通过", "fail")
        case .notApplicable: page.t("不适用", "not applicable")
        }
    }
}
