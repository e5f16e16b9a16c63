import CredenceCore
import Plot

/// `/admin/issuing-bodies`: the registry — each channel with its evidence, confidence and
/// measured figures, and a form by which an administrator confirms or corrects it.
struct IssuingBodiesPage {
    var bodies: [IssuingBody]
    var measured: [ServiceStandards.Figures] = []
    var done: BilingualText?
    var error: BilingualText?
    /// What the administrator typed into a form that was refused, by body id: shown again.
    var draft: (body: String, fields: FormFields)?

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("发证机构与核验渠道", "Issuing bodies and channels"), content: .group(
            .h1(.text(page.t("发证机构与核验渠道", "Issuing bodies and how to check them"))),
            .p(.class("lead"), .text(page.t(
                "每个渠道的网址来自已存档的公开网页和文件（2026-11-30），附证据和可信程度。管理员核实后保存，须写明核实所依据的来源和日期，可信程度即变为“由某人于某日确认”，并记入审计日志。",
                "Each channel's address was found in stored public pages and files (2026-11-30), with its evidence and a confidence. An administrator who checks a channel saves it naming the source checked and the day: the confidence becomes \"confirmed by <name> on <date>\", and the audit log records it."))),
            Banner.done(done, page),
            Banner.error(error, page),
            .forEach(bodies) { body in
                .section(
                    .class("action-form"), .id("body-" + body.id.attributeEscaped),
                    .h2(.text(body.name.text(in: page.language))),
                    .p(.class("meta"), .text(page.t("资格：", "Entries: ") + body.entries.joined(separator: ", "))),
                    ChannelParts.facts(body.channel, measured: measured.first { $0.issuingBodyId == body.id }, page),
                    form(body, draft.flatMap { $0.body == body.id ? $0.fields : nil }, page)
                )
            }
        ))
    }

    private func form(_ body: IssuingBody, _ typed: FormFields?, _ page: PageContext) -> Node<HTML.BodyContext> {
        let channel = body.channel
        func value(_ name: String, _ current: String) -> String { typed.map { $0[name] } ?? current }
        func field(_ name: String, _ label: BilingualText, _ current: String, type: HTMLInputType = .text, hint: BilingualText? = nil) -> Node<HTML.FormContext> {
            let id = "\(name)-\(body.id)".attributeEscaped
            return .div(.class("question"),
                        .label(.for(id), .text(label.text(in: page.language))),
                        .unwrap(hint) { .p(.class("why"), .id(id + "-hint"), .text($0.text(in: page.language))) },
                        .input(.type(type), .id(id), .name(name), .value(value(name, current).attributeEscaped),
                               .unwrap(hint) { _ in .attribute(named: "aria-describedby", value: id + "-hint") }))
        }
        let kind = value("kind", channel.kind.rawValue)
        let basis = value("workingDaysBasis", channel.workingDaysBasis.rawValue)
        return .details(
            .if(typed != nil, .attribute(named: "open", value: "open")),
            .summary(.text(page.t("确认或更正此渠道", "Confirm or correct this channel"))),
            .form(
                .action(SiteURL.issuingBody(body.id).path), .method(.post), Layout.csrfField(page),
                .div(.class("question"),
                     .label(.for("kind-\(body.id)"), .text(page.t("方式", "Kind"))),
                     .select(.id("kind-\(body.id)"), .attribute(named: "name", value: "kind"),
                             .forEach(ChannelKind.allCases) { .choice(value: $0.rawValue, label: $0.name.text(in: page.language), selected: $0.rawValue == kind) })),
                field("url", BilingualText(zh: "网址（无公开渠道时留空）", en: "Address (empty when there is no public channel)"), channel.url ?? ""),
                field("inputs", BilingualText(zh: "需要的信息（分号分隔）", en: "Needs (separated by semicolons)"), channel.inputs.joined(separator: "; ")),
                field("typicalWorkingDays", BilingualText(zh: "工作日", en: "Working days"), String(channel.typicalWorkingDays), type: .number),
                .div(.class("question"),
                     .label(.for("basis-\(body.id)"), .text(page.t("工作日依据", "The working days are"))),
                     .select(.id("basis-\(body.id)"), .attribute(named: "name", value: "workingDaysBasis"),
                             .forEach(WorkingDaysBasis.allCases) { .choice(value: $0.rawValue, label: $0.name.text(in: page.language), selected: $0.rawValue == basis) })),
                field("turnaround", BilingualText(zh: "来源所述时限（原文）", en: "What the source says about time (its words)"), channel.turnaround ?? ""),
                field("source", BilingualText(zh: "核实所依据的来源", en: "Where you checked it"), "",
                      hint: BilingualText(zh: "网页地址、来函或电话记录，必填。", en: "A page's address, a letter or a call: required.")),
                field("checkedOn", BilingualText(zh: "核实日期", en: "Checked on"), "", type: .date,
                      hint: BilingualText(zh: "留空即为今天。", en: "Empty means today.")),
                .button(.type(.submit), .text(page.t("确认并保存", "Confirm and save")))
            )
        )
    }
}
