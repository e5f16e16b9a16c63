import CredenceCore
import Plot

/// `/admin`: an administrator's pages, each with what it is for. Administrators keep the
/// catalog, the staff and the installation; officers act on verification requests.
struct AdminHomePage {
    /// Messages waiting in the outbox or written to the mail folder lately, for the mail line.
    var mailFiles: Int
    var smtp: Bool

    struct Link {
        var path: String
        var name: BilingualText
        var purpose: BilingualText
    }

    static let links: [Link] = [
        Link(path: SiteURL.adminUsers.path, name: BilingualText(zh: "用户与工作人员", en: "Users and staff"),
             purpose: BilingualText(zh: "添加核验人员、管理员和会签人，停用账户，修改角色。", en: "Add officers, administrators and reviewers; disable accounts; change roles.")),
        Link(path: SiteURL.adminEditions.path, name: BilingualText(zh: "目录版本管理", en: "Catalog editions"),
             purpose: BilingualText(zh: "起草、会签和发布目录版本（通知第四条的动态管理）。", en: "Draft, sign off and publish catalog editions (the notice's section 4).")),
        Link(path: "/admin/issuing-bodies", name: BilingualText(zh: "发证机构与核验渠道", en: "Issuing bodies and channels"),
             purpose: BilingualText(zh: "核实并更正每个发证机构的核验渠道。", en: "Check and correct how each issuing body's certificates are verified.")),
        Link(path: SiteURL.adminBenefitRoutes.path, name: BilingualText(zh: "政策办理渠道", en: "Where benefits are claimed"),
             purpose: BilingualText(zh: "核实并更正每项政策的受理部门和办理入口。", en: "Check and correct the office and service for each benefit.")),
        Link(path: "/admin/calendar", name: BilingualText(zh: "节假日安排", en: "Holiday calendar"),
             purpose: BilingualText(zh: "国务院办公厅节假日安排，用于计算工作日。", en: "The State Council's holiday calendar, used to count working days.")),
        Link(path: "/admin/statistics", name: BilingualText(zh: "跟踪统计", en: "Tracking figures"),
             purpose: BilingualText(zh: "核验申请的数量和办理时间。", en: "How many verifications, and how long they take.")),
        Link(path: "/admin/demand", name: BilingualText(zh: "需求统计", en: "Demand"),
             purpose: BilingualText(zh: "用户在找哪些资格，供目录调整参考。", en: "Which qualifications people look for, to inform the catalog.")),
        Link(path: SiteURL.queue(status: nil).path, name: BilingualText(zh: "核验队列（只读）", en: "Verification queue (read only)"),
             purpose: BilingualText(zh: "核验申请由核验人员受理和办理；管理员可查看，不能操作。", en: "Officers accept and decide requests; administrators can read them but not act.")),
    ]

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("管理", "Administration"), content: .group(
            .h1(.text(page.t("管理", "Administration"))),
            .ul(.class("admin-links"),
                .forEach(Self.links) { link in
                    .li(.a(.href(link.path), .text(link.name.text(in: page.language))), .text(" — " + link.purpose.text(in: page.language)))
                },
                .li(.a(.href(SiteURL.adminMail(nil).path), .text(page.t("邮件", "Mail"))),
                    .text(smtp ? page.t(" — 通过 SMTP 服务器发送。", " — sent through the SMTP server.")
                               : page.t(" — 未配置邮件服务器：\(mailFiles) 封邮件保存为文件，需要人工转发。",
                                        " — no mail server configured: \(mailFiles) message(s) kept as files, to be passed on by hand."))),
                .li(.a(.href(SiteURL.installation.path), .text(page.t("关于本安装", "About this installation"))),
                    .text(page.t(" — 运营方、公开地址和邮件的配置情况。", " — the operator, public address and mail, as configured.")))
            )
        ))
    }
}
