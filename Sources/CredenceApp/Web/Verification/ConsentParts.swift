import CredenceCore
import Foundation
import Plot

/// Whose consent a request rests on, as employers and officers see it (issue 31).
enum ConsentParts {
    static func basis(_ request: VerificationRequest, _ page: PageContext) -> String {
        let name = request.consent.basis.name.text(in: page.language)
        guard request.consent.basis == .holder else { return name }
        if request.consent.at != nil { return name + page.t("（两项均已同意）", " (both given)") }
        return name + page.t("（待持证人同意）", " (waiting for the holder)") + (request.holderEmailMasked.map { " · " + $0 } ?? "")
    }

    /// The employer sends the holder's link again while the holder has not answered.
    static func resend(_ request: VerificationRequest, _ page: PageContext) -> Node<HTML.BodyContext> {
        .if(request.consent.basis == .holder && request.consent.at == nil && [.submitted, .needsInfo].contains(request.status),
            .form(.class("action-form"), .action(SiteURL.request(request.id).path + "/holder-invitation"), .method(.post), Layout.csrfField(page),
                  .p(.text(page.t("持证人尚未答复。可重新发送链接（每小时最多3次）。", "The holder has not answered yet. You may send the link again (at most 3 times an hour)."))),
                  .button(.type(.submit), .class("secondary"), .text(page.t("重新发送给持证人", "Send the link to the holder again")))))
    }

    /// What a request waiting for its holder waits for, and what each reader can do about it.
    static func waiting(_ request: VerificationRequest, viewer: Account, mailKeptForAdministrators: Bool, _ page: PageContext) -> Node<HTML.BodyContext> {
        guard request.awaitsHolderConsent, !request.status.isFinal else { return .empty }
        let address = request.holderEmailMasked ?? page.t("持证人", "the holder")
        return .div(
            .class("settle"), .attribute(named: "role", value: "status"),
            .p(.strong(.text(page.t("等待持证人同意：", "Waiting for the holder's consent: "))),
               .text(page.t("已向 \(address) 发送邀请链接。持证人两项同意都给出后，核验人员才能受理。",
                            "an invitation link was sent to \(address). An officer can accept the request once the holder has given both consents."))),
            .if(mailKeptForAdministrators, .p(.text(viewer.role == .admin
                ? page.t("本安装未配置邮件服务器：邀请保存在“邮件”页，请转给持证人。", "This installation has no mail server: the invitation is on the Mail page — pass it on to the holder.")
                : page.t("本安装未配置邮件服务器：邀请由管理员转交持证人，可能需要一些时间。也可请持证人直接联系本服务的运营方。",
                         "This installation has no mail server: an administrator passes the invitation on to the holder, which can take a while. The holder may also contact the service's operator.")),
                .if(viewer.role == .admin, .a(.href(SiteURL.adminMail(nil).path), .text(page.t(" 打开邮件页", " Open the Mail page"))))))
        )
    }
}
