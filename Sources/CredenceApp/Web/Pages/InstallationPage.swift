import CredenceCore
import Plot

/// `/about`: this installation in plain words — where the notice says verification is
/// offered, who operates this copy of Credence, where it says it is reached, and where its
/// mail goes. The one place the operator notice is shown (the footer links here).
struct InstallationPage {
    var installation: Installation

    func render(_ page: PageContext) -> HTML {
        let name = installation.issuer.name
        return Layout.page(page, title: page.t("关于本安装", "About this installation"), content: .group(
            .h1(.text(page.t("关于本安装", "About this installation"))),
            PlatformParts.notice(installation: installation, page),
            .dl(
                .dt(.text(page.t("运营方", "Operator"))),
                .dd(.text(installation.issuer.operatorConfigured ? name.text(in: page.language)
                          : page.t("未配置（CREDENCE_AUTHORITY_NAME_ZH / _EN）。结果和凭证署名为“\(CredentialIssuer.defaultName.zh)”，不代表任何政府机构。",
                                   "Not configured (CREDENCE_AUTHORITY_NAME_ZH / _EN). Results and credentials are signed \"\(CredentialIssuer.defaultName.en)\" and speak for no government body."))),
                .dt(.text(page.t("公开地址", "Public address"))),
                .dd(.code(.text(installation.issuer.publicURL)),
                    .if(!installation.issuer.publicURLConfigured, .text(page.t(
                        "（默认值，未配置 CREDENCE_PUBLIC_URL：打印结果上的二维码和凭证都指向这台机器，别人无法访问。）",
                        " (the default; CREDENCE_PUBLIC_URL is not set: QR codes on printed results and credentials point to this machine, which others cannot reach.)")))),
                .dt(.text(page.t("邮件", "Mail"))),
                .dd(.text(installation.mailFolder == nil
                          ? page.t("通过 SMTP 服务器发送。", "Sent through an SMTP server.")
                          : page.t("未配置邮件服务器：邮件保存为文件，由管理员转发（/admin/mail）。持证人邀请和状态通知因此可能晚到。",
                                   "No mail server configured: messages are kept as files and passed on by an administrator (/admin/mail), so holder invitations and status emails may arrive late.")))
            )
        ))
    }
}
