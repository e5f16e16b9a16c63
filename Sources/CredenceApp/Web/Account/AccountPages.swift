import CredenceCore
import Plot

/// `/register`: an employer's self-registration (annex 2: 用人单位注册登录).
struct RegisterPage {
    var values: [String: String] = [:]
    var errors: [String: BilingualText] = [:]

    static var fields: [TextField] { [
        TextField(name: "organizationName", label: BilingualText(zh: "单位名称", en: "Organization name"),
                  hint: BilingualText(zh: "与营业执照一致。", en: "As on the business licence."), autocomplete: "organization"),
        TextField(name: "unifiedSocialCreditCode", label: BilingualText(zh: "统一社会信用代码", en: "Unified social credit code (统一社会信用代码)"),
                  hint: BilingualText(zh: "18位，见营业执照。", en: "The 18 characters on the business licence."), autocomplete: "off"),
        TextField(name: "contactName", label: BilingualText(zh: "联系人", en: "Contact name"), autocomplete: "name"),
        TextField(name: "email", label: BilingualText(zh: "邮箱（登录用）", en: "Email (to sign in with)"), type: .email, autocomplete: "email"),
        TextField(name: "phone", label: BilingualText(zh: "联系电话", en: "Telephone"), type: .tel, autocomplete: "tel"),
        TextField(name: "password", label: BilingualText(zh: "密码", en: "Password"), type: .password,
                  hint: BilingualText(zh: "至少10个字符，不能是常见密码。", en: "At least 10 characters, not a common password."),
                  autocomplete: "new-password"),
        TextField(name: "passwordConfirmation", label: BilingualText(zh: "再次输入密码", en: "Password again"), type: .password,
                  autocomplete: "new-password"),
    ] }

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("用人单位注册", "Register an employer"), content: .group(
            .h1(.text(page.t("用人单位注册", "Register your organization"))),
            .p(.class("lead"), .text(page.t(
                "注册后，用人单位可在线申请查验拟引进人才的境外职业资格证书（通知附件2）。",
                "Once registered, an employer can ask online for a candidate's foreign certificate to be verified (notice, annex 2)."))),
            Banner.error(errors.isEmpty ? nil : BilingualText(zh: "请修改标出的内容。", en: "Please correct the marked fields."), page),
            .form(
                .class("account-form"), .action(SiteURL.register.path), .method(.post),
                Layout.csrfField(page),
                .forEach(Self.fields) { field in field.render(page, value: values[field.name] ?? "", error: errors[field.name]) },
                .button(.type(.submit), .text(page.t("注册", "Register")))
            ),
            .p(.text(page.t("已有账号？", "Already registered? ")), .a(.href(SiteURL.signIn(next: nil).path), .text(page.t("登录", "Sign in"))))
        ))
    }
}

/// `/sign-in`: employers with email and password; staff also with their authenticator code.
struct SignInPage {
    var email = ""
    var next: String?
    var error: BilingualText?

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("登录", "Sign in"), content: .group(
            .h1(.text(page.t("登录", "Sign in"))),
            Banner.error(error, page),
            .form(
                .class("account-form"), .action(SiteURL.signIn(next: next).path.attributeEscaped), .method(.post),
                Layout.csrfField(page),
                TextField(name: "email", label: BilingualText(zh: "邮箱", en: "Email"), type: .email, autocomplete: "email")
                    .render(page, value: email),
                TextField(name: "password", label: BilingualText(zh: "密码", en: "Password"), type: .password,
                          autocomplete: "current-password").render(page),
                TextField(name: "totp", label: BilingualText(zh: "动态验证码（核验人员和管理员）", en: "Authenticator code (officers and administrators)"),
                          hint: BilingualText(zh: "身份验证器应用中的6位数字；用人单位无需填写。",
                                              en: "The 6 digits your authenticator app shows; employers leave this empty."),
                          autocomplete: "one-time-code").render(page),
                .button(.type(.submit), .text(page.t("登录", "Sign in")))
            ),
            .p(.text(page.t("还没有账号？", "No account yet? ")),
               .a(.href(SiteURL.register.path), .text(page.t("用人单位注册", "Register your organization"))))
        ))
    }
}

/// `/account`: who you are, change the password, sign out.
struct AccountPage {
    var account: Account
    var done: BilingualText?
    var errors: [String: BilingualText] = [:]
    /// For employers: whether status changes are emailed.
    var emailNotifications: Bool?
    /// For administrators: mails waiting in the outbox (all of them while SMTP is not configured).
    var mailWaiting: Int?

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        return Layout.page(page, title: page.t("我的账号", "Your account"), content: .group(
            .h1(.text(account.organizationName ?? account.name)),
            Banner.done(done, page),
            .dl(
                .dt(.text(page.t("角色", "Role"))), .dd(.text(account.role.name.text(in: lang))),
                .dt(.text(page.t("邮箱", "Email"))), .dd(.text(account.email)),
                .dt(.text(page.t("联系人", "Name"))), .dd(.text(account.name)),
                .unwrap(account.unifiedSocialCreditCode) { code in
                    .group(.dt(.text(page.t("统一社会信用代码", "Unified social credit code"))), .dd(.code(.text(code))))
                },
                .unwrap(account.phone) { phone in .group(.dt(.text(page.t("电话", "Telephone"))), .dd(.text(phone))) }
            ),
            .if(account.role == .admin, .p(.a(.href(SiteURL.adminUsers.path), .text(page.t("用户列表", "Users"))), .text(" · "),
                                           .a(.href("/admin/issuing-bodies"), .text(page.t("发证机构与核验渠道", "Issuing bodies and channels"))), .text(" · "),
                                           .a(.href(SiteURL.adminBenefitRoutes.path), .text(page.t("政策办理渠道", "Where benefits are claimed"))), .text(" · "),
                                           .a(.href("/admin/editions"), .text(page.t("目录版本管理", "Catalog editions"))), .text(" · "),
                                           .a(.href("/admin/statistics"), .text(page.t("跟踪统计", "Tracking figures"))), .text(" · "),
                                           .a(.href("/admin/calendar"), .text(page.t("节假日安排", "Holiday calendar"))))),
            .unwrap(emailNotifications) { enabled in
                .group(
                    .h2(.text(page.t("邮件通知", "Email notifications"))),
                    .form(
                        .class("account-form"), .action("/account/notifications"), .method(.post), Layout.csrfField(page),
                        .input(.type(.hidden), .name("email"), .value(enabled ? "false" : "true")),
                        .p(.text(enabled ? page.t("申请状态每次变更都会发邮件到 \(account.email)。", "Every change of a request's status is emailed to \(account.email).")
                                         : page.t("已关闭邮件通知。", "Email notifications are off."))),
                        .button(.type(.submit), .class("secondary"), .text(enabled ? page.t("关闭邮件通知", "Turn email off") : page.t("开启邮件通知", "Turn email on")))
                    )
                )
            },
            .unwrap(mailWaiting) { waiting in
                .p(.class("note"), .text(page.t("待发送的邮件：\(waiting) 封（未配置 CREDENCE_SMTP_URL 时邮件保留在发件箱中）。",
                                                "Mails waiting to be sent: \(waiting) (without CREDENCE_SMTP_URL they are kept in the outbox).")))
            },
            .h2(.text(page.t("修改密码", "Change your password"))),
            .p(.class("note"), .text(page.t("修改后，其他设备上的登录和所有接口令牌都将失效。",
                                            "Changing it signs you out everywhere else and revokes your API tokens."))),
            Banner.error(errors.isEmpty ? nil : BilingualText(zh: "密码未修改，请看标出的内容。", en: "The password was not changed; see below."), page),
            .form(
                .class("account-form"), .action(SiteURL.accountPassword.path), .method(.post),
                Layout.csrfField(page),
                TextField(name: "currentPassword", label: BilingualText(zh: "当前密码", en: "Current password"), type: .password,
                          autocomplete: "current-password").render(page, error: errors["currentPassword"]),
                TextField(name: "newPassword", label: BilingualText(zh: "新密码", en: "New password"), type: .password,
                          hint: BilingualText(zh: "至少10个字符，不能是常见密码。", en: "At least 10 characters, not a common password."),
                          autocomplete: "new-password").render(page, error: errors["newPassword"]),
                TextField(name: "newPasswordConfirmation", label: BilingualText(zh: "再次输入新密码", en: "New password again"),
                          type: .password, autocomplete: "new-password").render(page, error: errors["newPasswordConfirmation"]),
                .button(.type(.submit), .text(page.t("修改密码", "Change password")))
            ),
            .form(
                .action(SiteURL.signOut.path), .method(.post), Layout.csrfField(page),
                .button(.type(.submit), .class("secondary"), .text(page.t("退出登录", "Sign out")))
            )
        ))
    }
}
