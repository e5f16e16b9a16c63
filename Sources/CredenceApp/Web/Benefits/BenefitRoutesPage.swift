import CredenceCore
import Plot

/// `/admin/benefit-routes`: each route with its evidence and confidence, and a form by
/// which an administrator corrects it naming the source and the day it was checked.
struct BenefitRoutesPage {
    var routes: BenefitRoutes
    var today: CalendarDate
    var done: BilingualText?
    var problems: [InputError] = []
    /// What the administrator typed into a form that was refused: shown again.
    var draft: (route: BenefitRouteRecordKey, fields: FormFields)?

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("政策办理渠道", "Where benefits are claimed"), content: .group(
            .h1(.text(page.t("政策办理渠道", "Where each benefit is claimed"))),
            .p(.class("lead"), .text(page.t(
                "每项政策的办理部门、服务、网址和材料来自已存档的公开网页和通知原文（2026-12-03），附证据和可信程度。更正时须写明核实所依据的网页地址和核实日期：可信程度即变为“由某人于某日确认”，并记入审计日志。办理渠道不是适用规则。",
                "Each benefit's office, service, address and documents were found in stored public pages and the notice (2026-12-03), with evidence and a confidence. A correction names the page it was checked on and the day: the confidence becomes \"confirmed by <name> on <date>\", and the audit log records it. Routes are not rules."))),
            Banner.done(done, page),
            .if(!problems.isEmpty, .div(.class("error-summary"), .attribute(named: "role", value: "alert"),
                                        .ul(.forEach(problems) { .li(.text($0.message.text(in: page.language))) }))),
            .forEach(routes.all) { route in
                .section(
                    .class("action-form"), .id("route-\(route.benefit.rawValue)-\(route.position)"),
                    .h2(.text("\(route.benefit.clause) " + route.benefit.title.text(in: page.language)
                              + (routes.routes(for: route.benefit).count > 1 ? page.t("（第\(route.position)个部门）", " (office \(route.position))") : ""))),
                    RouteParts.route(route, page, evidence: true),
                    form(route, draft.flatMap { $0.route == BenefitRouteRecordKey(benefit: route.benefit, position: route.position) ? $0.fields : nil }, page)
                )
            }
        ))
    }

    private func form(_ route: BenefitRoute, _ typed: FormFields?, _ page: PageContext) -> Node<HTML.BodyContext> {
        let key = "\(route.benefit.rawValue)-\(route.position)".attributeEscaped
        func value(_ name: String, _ current: String) -> String { typed.map { $0[name] } ?? current }
        func field(_ name: String, _ label: BilingualText, _ current: String, type: HTMLInputType = .text) -> Node<HTML.FormContext> {
            .div(.class("question"),
                 .label(.for("\(name)-\(key)"), .text(label.text(in: page.language))),
                 .input(.type(type), .id("\(name)-\(key)"), .name(name), .value(value(name, current).attributeEscaped)))
        }
        func area(_ name: String, _ label: BilingualText, _ current: String) -> Node<HTML.FormContext> {
            .div(.class("question"),
                 .label(.for("\(name)-\(key)"), .text(label.text(in: page.language))),
                 .textarea(.id("\(name)-\(key)"), .name(name), .attribute(named: "rows", value: "3"), .text(value(name, current))))
        }
        let documents = route.documents.map { "\($0.zh) | \($0.en)" }.joined(separator: "\n")
        return .details(
            .if(typed != nil, .attribute(named: "open", value: "open")),
            .summary(.text(page.t("更正此办理渠道", "Correct this route"))),
            .form(
                .action("/admin/benefit-routes/\(route.benefit.rawValue)/\(route.position)"), .method(.post), Layout.csrfField(page),
                field("office.zh", BilingualText(zh: "办理部门（中文；不知道时两栏都留空）", en: "Office, Chinese (both empty when not known)"), route.office?.zh ?? ""),
                field("office.en", BilingualText(zh: "办理部门（英文）", en: "Office, English"), route.office?.en ?? ""),
                field("service.zh", BilingualText(zh: "服务（中文）", en: "Service, Chinese"), route.service?.zh ?? ""),
                field("service.en", BilingualText(zh: "服务（英文）", en: "Service, English"), route.service?.en ?? ""),
                field("url", BilingualText(zh: "网上办理地址（没有时留空）", en: "Online address (empty when there is none)"), route.url ?? "", type: .url),
                area("documents", BilingualText(zh: "材料，每行一项：中文 | English", en: "Documents, one per line: 中文 | English"), documents),
                area("notes.zh", BilingualText(zh: "说明（中文）", en: "Notes, Chinese"), route.notes?.zh ?? ""),
                area("notes.en", BilingualText(zh: "说明（英文）", en: "Notes, English"), route.notes?.en ?? ""),
                field("source", BilingualText(zh: "核实所依据的网页地址（必填）", en: "The page you checked it on (required)"), "", type: .url),
                field("checkedOn", BilingualText(zh: "核实日期（必填，不晚于今天）", en: "Checked on (required, today or before)"), today.description, type: .date),
                .button(.type(.submit), .text(page.t("保存更正", "Save the correction")))
            )
        )
    }
}
