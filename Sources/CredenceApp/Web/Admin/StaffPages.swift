import CredenceCore
import Plot

/// `/admin/users`: everyone with an account; administrators add officers, administrators and
/// reviewers, disable accounts and move staff between officer and administrator, each step
/// confirmed with a current code from their own authenticator.
struct UsersPage {
    var accounts: [Account]
    var departments: [Department]
    var viewer: Account?
    var done: BilingualText? = nil
    var error: BilingualText? = nil
    /// Shown once, after an account is made: what its owner needs to sign in.
    var created: Created? = nil

    struct Created {
        var account: Account
        var password: String
        var secret: String
        /// The otpauth URI as a QR code (SVG), for the authenticator app.
        var qr: String?
    }

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        return Layout.page(page, title: page.t("用户与工作人员", "Users and staff"), content: .group(
            .p(.class("crumbs"), .a(.href(SiteURL.admin.path), .text(page.t("管理", "Administration")))),
            .h1(.text(page.t("用户与工作人员", "Users and staff"))),
            Banner.done(done, page),
            Banner.error(error, page),
            .unwrap(created) { created in shownOnce(created, page) },
            .p(.class("lead"), .text(page.t(
                "每一步都需输入您自己身份验证器上的当前验证码，并记入审计日志。命令行 credence users 仍可使用。",
                "Each step asks for the current code from your own authenticator, and is recorded in the audit log. The command line (credence users) still works."))),
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(page.t("邮箱", "Email"))), .th(.text(page.t("角色", "Role"))), .th(.text(page.t("名称", "Name"))),
                           .th(.text(page.t("状态", "Status"))), .th(.text(page.t("操作", "Change"))))),
                .tbody(.forEach(accounts) { account in
                    .tr(.td(.text(account.email)), .td(.text(account.role.name.text(in: lang))),
                        .td(.text(account.organizationName ?? account.name)),
                        .td(.text(account.isDisabled ? page.t("已停用", "disabled") : page.t("启用", "active"))),
                        .td(changes(account, page)))
                })
            )),
            .h2(.text(page.t("添加工作人员", "Add a staff member"))),
            .form(
                .class("account-form"), .action(SiteURL.adminUsers.path), .method(.post), Layout.csrfField(page),
                .div(.class("question"), .label(.for("s-role"), .text(page.t("角色", "Role"))),
                     .select(.id("s-role"), .attribute(named: "name", value: "role"), .attribute(named: "required", value: "required"),
                             .choice(value: "", label: page.t("请选择", "Choose a role"), selected: true),
                             .forEach([Role.officer, .admin, .reviewer]) { .choice(value: $0.rawValue, label: $0.name.text(in: lang)) })),
                .div(.class("question"), .label(.for("s-department"), .text(page.t("部门（仅会签人）", "Department (reviewers only)"))),
                     .select(.id("s-department"), .attribute(named: "name", value: "department"),
                             .choice(value: "", label: "—", selected: true),
                             .forEach(departments) { .choice(value: $0.id, label: $0.name.text(in: lang)) })),
                .div(.class("question"), .label(.for("s-email"), .text(page.t("邮箱", "Email"))),
                     .input(.type(.email), .id("s-email"), .name("email"), .required(true))),
                .div(.class("question"), .label(.for("s-name"), .text(page.t("姓名", "Name"))),
                     .input(.type(.text), .id("s-name"), .name("name"), .required(true))),
                codeField("new", page),
                .button(.type(.submit), .text(page.t("创建账户", "Create the account")))
            )
        ))
    }

    private func changes(_ account: Account, _ page: PageContext) -> Node<HTML.BodyContext> {
        guard account.role != .employer, !account.isDisabled, account.id != viewer?.id else { return .text("—") }
        let other: Role? = account.role == .officer ? .admin : account.role == .admin ? .officer : nil
        return .group(
            .unwrap(other) { role in
                .form(.class("inline-form"), .action(SiteURL.adminUser(account.id, "role").path), .method(.post), Layout.csrfField(page),
                      .input(.type(.hidden), .name("role"), .value(role.rawValue)),
                      codeField("role-\(account.id.uuidString.lowercased())", page),
                      .button(.type(.submit), .class("secondary"), .text(page.t("改为", "Make ") + role.name.text(in: page.language))))
            },
            .form(.class("inline-form"), .action(SiteURL.adminUser(account.id, "disable").path), .method(.post), Layout.csrfField(page),
                  codeField("disable-\(account.id.uuidString.lowercased())", page),
                  .button(.type(.submit), .class("secondary"), .text(page.t("停用", "Disable"))))
        )
    }

    private func codeField(_ id: String, _ page: PageContext) -> Node<HTML.FormContext> {
        .div(.class("question"), .label(.for("totp-\(id)"), .text(page.t("您的验证码", "Your authenticator code"))),
             .input(.type(.text), .id("totp-\(id)"), .name("totp"), .required(true), .attribute(named: "inputmode", value: "numeric"),
                    .attribute(named: "autocomplete", value: "off"), .attribute(named: "pattern", value: "[0-9 ]{6,7}")))
    }

    private func shownOnce(_ created: Created, _ page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("shown-once"), .attribute(named: "role", value: "status"),
            .h2(.text(page.t("请当面交给 \(created.account.name)（只显示这一次）", "Give these to \(created.account.name) in person (shown only this once)"))),
            .dl(.dt(.text(page.t("邮箱", "Email"))), .dd(.text(created.account.email)),
                .dt(.text(page.t("初始密码（首次登录后在“账户”页修改）", "Initial password (change it on the Account page after signing in)"))),
                .dd(.code(.text(created.password))),
                .dt(.text(page.t("身份验证器密钥", "Authenticator secret"))), .dd(.code(.text(created.secret)))),
            .unwrap(created.qr) { svg in
                .div(.class("qr"), .attribute(named: "aria-label", value: page.t("身份验证器二维码", "QR code for the authenticator app")), .raw(svg))
            },
            .p(.class("meta"), .text(page.t("用身份验证器应用扫描二维码，或手动输入密钥。离开本页后无法再次查看。",
                                            "Scan the QR code with an authenticator app, or type the secret. It cannot be shown again after you leave this page.")))
        )
    }
}
