import CredenceCore
import Plot

/// `/proposals/new`: anyone proposes a qualification for the catalog (纳入, 四). Only what
/// the review needs; the contact address is optional, sealed, and erased once decided.
struct ProposalPage {
    var fields: FormFields?
    var problems: [InputError] = []
    var sent = false

    func render(_ page: PageContext) -> HTML {
        func value(_ name: String) -> String { fields?[name] ?? "" }
        func error(_ name: String) -> BilingualText? { problems.first { $0.field == name }?.message }
        return Layout.page(page, title: page.t("建议纳入一项资格", "Propose a qualification"), content: .group(
            .h1(.text(page.t("建议将一项境外职业资格纳入《目录》", "Propose a foreign qualification for the catalog"))),
            .p(.class("lead"), .text(page.t(
                "通知第四部分：《目录》实行动态管理，对需要增加的境外职业资格予以纳入。您的建议将由管理员审阅，并可能在目录复审时提交相关部门。",
                "Section 四 of the notice: the catalog is reviewed and needed qualifications are added. Administrators read each proposal; it may go to the departments at the catalog's review."))),
            .if(sent, .div(.class("done"), .attribute(named: "role", value: "status"),
                           .p(.text(page.t("已收到您的建议，谢谢。", "Thank you: your proposal has been received."))))),
            .if(!problems.isEmpty, .div(.class("error-summary"), .attribute(named: "role", value: "alert"),
                                        .ul(.forEach(problems) { .li(.text($0.message.text(in: page.language))) }))),
            .form(
                .class("account-form"), .action("/proposals"), .method(.post), Layout.csrfField(page),
                TextField(name: "name", label: BilingualText(zh: "资格名称", en: "The qualification's name")).render(page, value: value("name"), error: error("name")),
                TextField(name: "issuer", label: BilingualText(zh: "发证机构", en: "Issuing body")).render(page, value: value("issuer"), error: error("issuer")),
                TextField(name: "region", label: BilingualText(zh: "国家或地区", en: "Country or region")).render(page, value: value("region"), error: error("region")),
                TextField(name: "field", label: BilingualText(zh: "从业领域", en: "Field of work")).render(page, value: value("field"), error: error("field")),
                .div(.class(error("why") == nil ? "question" : "question invalid"),
                     .label(.for("f-why"), .text(page.t("为什么应当纳入", "Why it should be added"))),
                     .textarea(.id("f-why"), .name("why"), .attribute(named: "rows", value: "4"), .text(value("why")))),
                TextField(name: "contact", label: BilingualText(zh: "联系邮箱（可选）", en: "Contact email (optional)"), type: .email,
                          hint: BilingualText(zh: "仅用于告知处理结果；处理后即删除。", en: "Only to tell you the outcome; erased once decided."))
                    .render(page, value: value("contact"), error: error("contact")),
                .button(.type(.submit), .text(page.t("提交建议", "Send the proposal")))
            )
        ))
    }
}
