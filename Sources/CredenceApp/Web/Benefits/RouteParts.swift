import CredenceCore
import Plot

/// "Where to apply": a benefit's routes as the benefits page and the pack show them — the
/// office, the service and its address (or plainly none), the documents, what the office's
/// own rules add, how far to trust it, and the evidence behind a disclosure.
enum RouteParts {
    static func whereToApply(_ routes: [BenefitRoute], _ page: PageContext) -> Node<HTML.BodyContext> {
        .details(
            .class("where-to-apply"),
            .summary(.text(page.t("去哪里办理", "Where to apply"))),
            .if(routes.isEmpty, .p(.text(page.t("尚无该项政策的办理渠道信息。", "Nothing is known yet about where this benefit is claimed.")))),
            .forEach(routes) { route($0, page, evidence: true) },
            .p(.class("meta"), .text(page.t("办理渠道不是适用规则：是否给予，由办理部门按其规定认定。",
                                            "Where to apply is not a rule: the office decides each application under its own rules.")))
        )
    }

    static func route<C: HTML.BodyContext>(_ route: BenefitRoute, _ page: PageContext, evidence: Bool) -> Node<C> {
        let lang = page.language
        return .div(
            .class("route confidence-\(route.confidence.rawValue)"),
            .if(route.isEmpty, .p(.strong(.text(page.t("没有已知的办理部门或服务。", "No office and no claim service is known for this benefit."))))),
            .if(route.confirmation == nil && [.none, .indirect].contains(route.confidence), .p(.class("unpublished"), .text(page.t(
                "通知给予这项便利，但办理部门尚未公布办理方式：请直接向下列部门咨询。",
                "The notice grants this benefit, but the office does not yet publish how to claim it: ask the office below directly.")))),
            .dl(
                .unwrap(route.office) { office in
                    .group(.dt(.text(page.t("办理部门", "Office"))), .dd(.text(office.text(in: lang))))
                },
                .unwrap(route.service) { service in
                    .group(.dt(.text(page.t("服务", "Service"))), .dd(.text(service.text(in: lang))))
                },
                .dt(.text(page.t("网上办理地址", "Online address"))),
                .dd(.unwrap(route.url, { url in
                    .a(.href(url.attributeEscaped), .attribute(named: "rel", value: "noreferrer"), .text(url))
                }, else: .text(page.t("未找到官方网址——请向该部门咨询。", "No official address was found — ask the office.")))),
                .dt(.text(page.t("可信程度", "How far to trust this"))),
                .dd(.span(.class("confidence"), .text(route.trust.text(in: lang))),
                    .unwrap(route.confirmation) { .text(page.t("（依据：", " (against: ") + $0.source + page.t("）", ")")) }),
                .dt(.text(page.t("需携带的材料", "Documents to bring"))),
                .dd(route.documents.isEmpty
                    ? .text(page.t("未找到材料清单——请向该部门咨询。", "No list of documents was found — ask the office."))
                    : .ul(.class("documents"), .forEach(route.documents) { .li(.text($0.text(in: lang))) }))
            ),
            .unwrap(route.notes) { notes in
                .div(.class("office-notes"),
                     .p(.strong(.text(page.t("办理提示：", "What to know before you go:")))),
                     .p(.text(notes.text(in: lang))))
            },
            .if(evidence, evidenceList(route, page))
        )
    }

    /// A route in a printed pack: the office and service, then only what is known — where
    /// nothing is published, one sentence says so — then what to know.
    static func compact(_ route: BenefitRoute, _ page: PageContext) -> Node<HTML.BodyContext> {
        let lang = page.language
        let unpublished = route.confirmation == nil && [.none, .indirect].contains(route.confidence)
        return .div(
            .class("route compact confidence-\(route.confidence.rawValue)"),
            .p(.strong(.text(route.office?.text(in: lang) ?? page.t("没有已知的办理部门", "No office known"))),
               .unwrap(route.service) { .text(" — " + $0.text(in: lang)) },
               .unwrap(route.url) { url in .group(.text(page.t("。网上办理：", ". Online: ")), .code(.text(url))) },
               .if(!unpublished, .text(page.t("（", " (") + route.trust.text(in: lang) + page.t("）", ")"))),
               .if(unpublished, .span(.class("unpublished"), .text(page.t(
                   "。通知给予这项便利，但办理部门尚未公布办理方式" + (route.documents.isEmpty ? "和材料清单" : "") + "：请直接咨询。",
                   ". The notice grants this benefit, but the office does not yet publish how to claim it" + (route.documents.isEmpty ? " or what to bring" : "")
                       + ": ask them directly."))))),
            .if(!route.documents.isEmpty, .p(.text(page.t("材料：", "Documents: ") + route.documents.map { $0.text(in: lang) }.joined(separator: page.t("；", "; "))))),
            .unwrap(route.notes) { notes in .forEach(notes.text(in: lang).split(separator: "\n").map(String.init)) { .p(.class("office-notes"), .text($0)) } }
        )
    }

    private static func evidenceList<C: HTML.BodyContext>(_ route: BenefitRoute, _ page: PageContext) -> Node<C> {
        .details(
            .class("evidence"),
            .summary(.text(page.t("依据（\(route.evidence.count)）", "Evidence (\(route.evidence.count))"))),
            .ol(.forEach(route.evidence.officialFirst) { item in
                .li(.if(item.official == false, .span(.class("unofficial"), .text(page.t("其他来源（非官方）：", "Other source (not official): ")))),
                    source(item.source, page),
                    .blockquote(.attribute(named: "lang", value: ChannelParts.language(of: item.quote)), .text(item.quote)))
            })
        )
    }

    /// An http(s) page as its address; the notice's own words as a link to the clause.
    private static func source<C: HTML.BodyContext>(_ source: String, _ page: PageContext) -> Node<C> {
        if source.hasPrefix(Notice.path(anchor: "")) {
            let anchor = String(source.dropFirst(Notice.path(anchor: "").count))
            return .a(.href(SiteURL.notice(anchor: anchor).path), .text(page.t("通知原文 §", "The notice, § ") + anchor))
        }
        return HTTPAddress.isValid(source)
            ? .a(.href(source.attributeEscaped), .attribute(named: "rel", value: "noreferrer"), .text(source))
            : .text(source)
    }
}
