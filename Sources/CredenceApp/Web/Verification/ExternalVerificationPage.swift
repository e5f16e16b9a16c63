import CredenceCore
import Plot

/// `/requests` where this installation takes no requests (`CREDENCE_VERIFICATION=external`):
/// where employers apply instead, as the notice says.
struct ExternalVerificationPage {
    var installation: Installation

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("证书查验", "Certificate verification"), content: .group(
            .h1(.text(page.t("证书查验请到北京市平台申请", "Apply for verification on Beijing's platform"))),
            .p(.class("lead"), .text(page.t(
                "本站不受理查验申请。按《通知》第三部分及附件2，用人单位注册登录北京市境外职业资格证书查询验证服务平台，免费在线申请查验。",
                "This installation takes no verification requests. As the notice's section 3 and annex 2 say, employers register and sign in on the Beijing Foreign Professional Qualification Certificate Verification Service Platform and apply online, free of charge."))),
            .p(.a(.class("button"), .href(VerificationPlatform.address), .attribute(named: "rel", value: "noopener"),
                  .text(page.t("前往平台：", "Go to the platform: ") + VerificationPlatform.address))),
            PlatformParts.notice(installation: installation, page),
            .p(.text(page.t("目录查询、政策说明和核对已出具结果的功能照常可用。", "The catalog, what a qualification brings and the other pages work as usual.")))
        ))
    }
}
