import CredenceCore
import Plot

/// Where the notice says verification is offered, and who runs this installation (issue
/// 33): section 三's sentence as printed (linked to the clause), the platform's address as
/// annex 2 prints it, and the configured operator — or plainly that none is configured.
enum PlatformParts {
    static func notice(operatorName: BilingualText, _ page: PageContext) -> Node<HTML.BodyContext> {
        let configured = operatorName != CredentialIssuer.defaultName
        return .div(
            .class("platform"),
            .p(.text(page.t("《通知》第三部分：", "The notice, section 3: ")),
               .a(.href(SiteURL.notice(anchor: "三").path), .text("“" + VerificationPlatform.sentence.text(in: page.language) + "”"))),
            .p(.text(page.t("平台地址（附件2原文）：", "The platform's address (as annex 2 prints it): ")),
               .a(.href(VerificationPlatform.address), .attribute(named: "rel", value: "noopener"), .text(VerificationPlatform.address))),
            .p(.text(configured
                ? page.t("本站按附件2的程序提供查验，运营方：\(operatorName.zh)。", "This installation follows annex 2's procedure and is operated by \(operatorName.en).")
                : page.t("本站按附件2的程序提供查验；运营方未配置，本站出具的结果不代表任何政府机构。",
                         "This installation follows annex 2's procedure; its operator is not configured, and its results speak for no government body.")))
        )
    }
}
