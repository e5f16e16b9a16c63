import CredenceCore
import Foundation
import Plot

/// `/holder/{token}` (issue 31): who asks, what is held about the holder and what will be
/// sent abroad, the two consents (each its own box) or a refusal; afterwards the status and
/// history, withdrawal before a result, and after it the credential, early erasure and the
/// public check's settings.
struct HolderPage {
    var content: HolderContent
    var token: String
    var today: CalendarDate
    var error: BilingualText?

    private var request: VerificationRequest { content.request }
    private func path(_ step: String) -> String { "/holder/\(token)/\(step)" }

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        let title = page.t("您的证书核验", "Your certificate's verification")
        return Layout.page(page, title: title, content: .group(
            .h1(.text(title), .text(" "), VerificationParts.status(request.status, page)),
            Banner.error(error, page),
            .p(.class("lead"), .text(page.t("此页面仅凭邮件中的链接访问，请勿转发。链接有效期至 ", "Only the link in your mail opens this page; do not forward it. The link works until "))
               , LocalTime.node(content.linkExpiresAt, page), .text(page.t("。", "."))),
            .h2(.text(page.t("谁在申请核验", "Who asks"))),
            .dl(row(page.t("用人单位", "Employer"), request.organizationName ?? "—"),
                row(page.t("统一社会信用代码", "Unified social credit code"), content.creditCode ?? "—"),
                row(page.t("资格", "Qualification"), content.entry?.name.text(in: lang) ?? request.entryId),
                row(page.t("目的", "Purpose"), HolderConsentText.purpose.text(in: lang))),
            .h2(.text(page.t("我们保存的您的信息", "What is held about you"))),
            .dl(row(page.t("姓名", "Name"), request.holderName),
                row(page.t("国籍", "Nationality"), "\(CountryNames.name(request.holderNationality, lang)) (\(request.holderNationality))"),
                row(page.t("出生日期", "Date of birth"), request.holderDateOfBirth ?? "—"),
                row(page.t("护照号码（遮蔽）", "Passport number (masked)"), request.passportMasked ?? "—"),
                row(page.t("证书编号", "Certificate number"), request.certificateNumber),
                row(page.t("发证日期 / 有效期至", "Issued / expires"), "\(request.issuedOn ?? "—") / \(request.expiresOn ?? "—")"),
                row(page.t("邮箱", "Email"), request.holderEmailMasked ?? "—"),
                row(page.t("保存期限", "Kept"), page.t("结果出具（或申请结束）后 \(content.retentionDays) 日，期满删除",
                                                      "\(content.retentionDays) days after the result (or the end of the request), then erased"))),
            .if(request.erasure != nil, .p(.class("meta"), .text(request.erasure?.notice.text(in: lang) ?? ""))),
            .h2(.text(page.t("将联系的境外发证机构", "The issuing body abroad that will be contacted"))),
            .dl(row(page.t("机构", "Body"), content.body.name.text(in: lang)),
                row(page.t("国家或地区", "Country or region"), content.entry?.region?.text(in: lang) ?? page.t("《目录》未载", "not given by the catalog")),
                row(page.t("提供给它的信息", "What is sent to it"),
                    HolderConsentText.sent(content.body.channel.inputs).map { $0.text(in: lang) }.joined(separator: page.t("；", "; ")))),
            consentSection(page),
            resultSection(page),
            RequestTimeline.render(request, page),
            .h2(.text(page.t("处理记录", "History"))),
            .ul(.class("changes"), .forEach(request.history) { event in
                .li(LocalTime.node(event.at, page), .text(" · " + event.action.name.text(in: lang) + " · " + event.actorRole.name.text(in: lang)))
            })
        ))
    }

    private func row(_ label: String, _ value: String) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(label)), .dd(.text(value)))
    }

    private func consentSection(_ page: PageContext) -> Node<HTML.BodyContext> {
        let text = content.text
        return .group(
            .if(content.asksConsent, .section(.class("consent"),
                .h2(.text(page.t("您的同意", "Your consent"))),
                .form(.class("action-form"), .action(path("consent")), .method(.post), Layout.csrfField(page),
                      .div(.class("question"), .label(.class("check"), .input(.type(.checkbox), .name("processing"), .value("true")), .text(" " + text.processing))),
                      .div(.class("question"), .label(.class("check"), .input(.type(.checkbox), .name("transferAbroad"), .value("true")), .text(" " + text.transferAbroad))),
                      .button(.type(.submit), .text(page.t("同意", "I agree")))),
                .form(.class("action-form"), .action(path("decline")), .method(.post), Layout.csrfField(page),
                      .p(.text(page.t("如不同意，申请将结束，不会联系发证机构。", "If you do not agree, the request ends and the issuing body is not contacted."))),
                      .button(.type(.submit), .class("secondary"), .text(page.t("拒绝", "Decline")))))),
            .if(request.consent.basis == .holder, .unwrap(request.consent.at) { at in
                .p(.class("done"), .text(page.t("您已同意（", "You consented (")), LocalTime.node(at, page), .text(page.t("）。", ").")))
            }),
            .if(content.canWithdraw, .form(.class("action-form"), .action(path("withdraw")), .method(.post), Layout.csrfField(page),
                .p(.text(page.t("结果出具前可撤回同意，申请随即结束。", "Before a result you may withdraw consent; the request then ends."))),
                .button(.type(.submit), .class("secondary"), .text(page.t("撤回同意", "Withdraw consent")))))
        )
    }

    private func resultSection(_ page: PageContext) -> Node<HTML.BodyContext> {
        guard request.status == .completed || request.status == .underReview, let lastDay = content.publicCheckLastDay else {
            return .unwrap(request.withdrawalReason) { .p(.class("meta"), .text($0.name.text(in: page.language))) }
        }
        let active = content.publicCheckActive(today: today)
        return .section(.class("result"),
            .h2(.text(page.t("核验结果：", "Result: ") + (request.outcome?.name.text(in: page.language) ?? "—"))),
            .p(.a(.href(path("credential")), .text(page.t("下载您的结果凭证（W3C 可验证凭证，JSON）", "Download your copy of the result (W3C Verifiable Credential, JSON)")))),
            .unwrap(request.verificationCode) { code in
                .p(.text(page.t("查验码：", "Verification code: ")), .code(.text(code)), .text(" "),
                   .a(.href(SiteURL.verify(code: code).path), .text(page.t("公开核对页面", "public check page"))))
            },
            .h3(.text(page.t("公开核对", "Public check"))),
            .p(.text(active ? page.t("查验码的公开核对已开启，至 \(lastDay)。", "Your code's public check is on, until \(lastDay).")
                            : page.t("查验码的公开核对已关闭或已到期。", "Your code's public check is off or has ended."))),
            .form(.class("action-form"), .action(path("public-check")), .method(.post), Layout.csrfField(page),
                  .div(.class("question"), .label(.class("check"), .input(.type(.checkbox), .name("active"), .value("true"), .checked(!request.publicCheckOff)),
                                                  .text(page.t(" 开启公开核对", " Public check on")))),
                  .div(.class("question"), .label(.for("days"), .text(page.t("自结果日起的天数（1–3650，留空为默认 \(content.publicCheck.days)）", "Days from the result (1–3650; blank for the default, \(content.publicCheck.days))"))),
                        .input(.type(.number), .id("days"), .name("days"), .value(request.publicCheckDays.map(String.init) ?? ""))),
                  .button(.type(.submit), .text(page.t("保存", "Save")))),
            .if(request.erasure == nil, .form(.class("action-form"), .action(path("erasure")), .method(.post), Layout.csrfField(page),
                .p(.text(page.t("您可要求立即删除您的个人信息（护照号码、出生日期、附件；姓名遮蔽）；结果本身保留。",
                                "You may ask for your personal data to be erased now (passport number, date of birth, files; the name masked); the result itself stays."))),
                .button(.type(.submit), .class("secondary"), .text(page.t("删除我的个人信息", "Erase my personal data")))))
        )
    }
}
