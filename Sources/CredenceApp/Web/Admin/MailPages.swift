import CredenceCore
import CredenceMail
import Plot

/// `/admin/mail`: the messages written to the data folder, newest first.
struct MailListPage {
    /// nil when an SMTP server takes the mail.
    var folder: String?
    var files: [(name: String, size: Int)]
    /// Messages still in the outbox (not yet written or sent).
    var waiting: Int

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("邮件", "Mail"), content: .group(
            .p(.class("crumbs"), .a(.href(SiteURL.admin.path), .text(page.t("管理", "Administration")))),
            .h1(.text(page.t("已发出的邮件", "Mail sent by Credence"))),
            .if(folder == nil, .p(.class("lead"), .text(page.t(
                "本服务通过 SMTP 服务器发送邮件（CREDENCE_SMTP_URL），这里不保留副本。",
                "This installation sends mail through its SMTP server (CREDENCE_SMTP_URL); no copies are kept here.")))),
            .unwrap(folder) { folder in
                .group(
                    .p(.class("lead"), .text(page.t(
                        "未配置邮件服务器（CREDENCE_SMTP_URL），每封邮件都写成一个标准 .eml 文件，保存在 ",
                        "No mail server is configured (CREDENCE_SMTP_URL), so each message is written as a standard .eml file in ")),
                       .code(.text(folder)),
                       .text(page.t("。请打开邮件，把内容转给收件人（例如把持证人的邀请链接发给持证人本人）；配置 SMTP 后即自动发送。",
                                    ". Open a message and pass it on to its recipient (for example, send a holder their invitation link); once SMTP is configured, mail is sent by itself."))),
                    .p(.class("meta"), .text(page.t("每次打开邮件都记入审计日志。邮件文件按保留期限删除。",
                                                    "Each message opened is recorded in the audit log. Files are deleted after the retention period.")))
                )
            },
            .if(waiting > 0, .p(.class("settle"), .text(page.t("另有 \(waiting) 封待发送。", "\(waiting) more waiting to be sent.")))),
            .if(folder != nil && files.isEmpty, .p(.class("meta"), .text(page.t("还没有邮件。", "No mail yet.")))),
            .if(!files.isEmpty, .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(page.t("写入时间（UTC）", "Written (UTC)"))), .th(.text(page.t("文件", "File"))), .th(.text(page.t("大小", "Size"))))),
                .tbody(.forEach(files) { file in
                    .tr(.td(.text(Self.when(file.name))),
                        .td(.a(.href(SiteURL.adminMail(file.name).path), .text(file.name))),
                        .td(.text("\(file.size) B")))
                })
            )))
        ))
    }

    /// `20261206T034417Z-…` as `2026-12-06 03:44:17`.
    static func when(_ name: String) -> String {
        let digits = Array(name.prefix(15))
        guard digits.count == 15 else { return name }
        let s = String(digits)
        func part(_ from: Int, _ count: Int) -> Substring { s.dropFirst(from).prefix(count) }
        return "\(part(0, 4))-\(part(4, 2))-\(part(6, 2)) \(part(9, 2)):\(part(11, 2)):\(part(13, 2))"
    }
}

/// `/admin/mail/{file}`: one message as its recipient would read it, and the file itself.
struct MailMessagePage {
    var name: String
    /// nil when the file is not one Credence wrote (then only the download is offered).
    var mail: WrittenMail?

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: mail?.subject ?? name, content: .group(
            .p(.class("crumbs"), .a(.href(SiteURL.adminMail(nil).path), .text(page.t("邮件", "Mail")))),
            .h1(.text(mail?.subject ?? name)),
            .unwrap(mail) { mail in
                .group(
                    .dl(.dt(.text(page.t("收件人", "To"))), .dd(.text(mail.to)),
                        .dt(.text(page.t("发件人", "From"))), .dd(.text(mail.from)),
                        .dt(.text(page.t("日期", "Date"))), .dd(.text(mail.date))),
                    .pre(.class("mail"), .text(mail.text))
                )
            },
            .if(mail == nil, .p(.class("meta"), .text(page.t("无法显示此文件的内容，请下载后用邮件程序打开。",
                                                             "This file cannot be shown here; download it and open it in a mail program.")))),
            .p(.a(.href(SiteURL.adminMail(name).path + "?download=1"), .text(page.t("下载 .eml 文件", "Download the .eml file"))))
        ))
    }
}
