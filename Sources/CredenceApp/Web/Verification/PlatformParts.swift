import CredenceCore
import Plot

/// Where the notice says verification is offered, and who runs this installation (issue
/// 33): section 三's sentence as printed (linked to the clause), the platform's address as
/// annex 2 prints it, and the configured operator — or plainly that none is configured.
enum PlatformParts {
    static func notice(installation: Installation, _ page: PageContext) -> Node<HTML.BodyContext> {
        let name = installation.issuer.name
        let configured = name != CredentialIssuer.defaultName
        return .div(
            .class("platform"),
            .p(.text(page.t("《通知》第三部分：", "The notice, section 3: ")),
               .a(.href(SiteURL.notice(anchor: "三").path), .text("“" + VerificationPlatform.sentence.text(in: page.language) + "”"))),
            .p(.text(page.t("平台地址（附件2原文）：", "The platform's address (as annex 2 prints it): ")),
               .a(.href(VerificationPlatform.address), .attribute(named: "rel", value: "noopener"), .text(VerificationPlatform.address))),
            .p(.text(installation.verification == .external
                ? page.t("本站不受理查验申请，请到上述平台申请。", "This installation takes no verification requests: apply on the platform above.")
                : configured
                ? page.t("本站按附件2的程序提供查验，运营方：\(name.zh)。", "This installation follows annex 2's procedure and is operated by \(name.en).")
                : page.t("本站按附件2的程序提供查验；运营方未配置，本站出具的结果不代表任何政府机构。",
                         "This installation follows annex 2's procedure; its operator is not configured, and its results speak for no government body.")),
               .if(installation.verification == .external && configured, .text(page.t("本站运营方：\(name.zh)。", " This installation is operated by \(name.en).")))
            )
        )
    }
}
