import CredenceCore
import Plot

/// `/admin/issuing-bodies`: the registry, each channel editable by an administrator.
struct IssuingBodiesPage {
    var bodies: [IssuingBody]
    var done: BilingualText?
    var error: BilingualText?

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        return Layout.page(page, title: page.t("发证机构与核验渠道", "Issuing bodies and channels"), content: .group(
            .h1(.text(page.t("发证机构与核验渠道", "Issuing bodies and how to check them"))),
            Banner.done(done, page),
            Banner.error(error, page),
            .forEach(bodies) { body in
                .section(
                    .class("action-form"), .id("body-" + body.id.attributeEscaped),
                    .h2(.text(body.name.text(in: lang))),
                    .p(.class("meta"), .text(page.t("资格：", "Entries: ") + body.entries.joined(separator: ", "))),
                    .form(
                        .action("/admin/issuing-bodies/" + body.id.queryEncoded), .method(.post), Layout.csrfField(page),
                        .div(.class("question"),
                             .label(.for("kind-\(body.id)"), .text(page.t("方式", "Kind"))),
                             .select(.id("kind-\(body.id)"), .attribute(named: "name", value: "kind"),
                                     .forEach(ChannelKind.allCases) { kind in
                                         .choice(value: kind.rawValue, label: kind.name.text(in: lang), selected: kind == body.channel.kind)
                                     })),
                        TextField(name: "url", label: BilingualText(zh: "网址（可留空）", en: "Address (may be empty)"))
                            .render(page, value: body.channel.url ?? ""),
                        TextField(name: "inputs", label: BilingualText(zh: "需要的信息（逗号分隔）", en: "Needs (comma-separated)"))
                            .render(page, value: body.channel.inputs.joined(separator: ", ")),
                        TextField(name: "typicalWorkingDays", label: BilingualText(zh: "通常工作日", en: "Typical working days"))
                            .render(page, value: String(body.channel.typicalWorkingDays)),
                        TextField(name: "source", label: BilingualText(zh: "来源", en: "Source")).render(page, value: body.channel.source),
                        .button(.type(.submit), .text(page.t("保存", "Save")))
                    )
                )
            }
        ))
    }
}
