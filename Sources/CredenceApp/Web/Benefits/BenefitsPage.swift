import CredenceCore
import Plot

/// `/benefits`: "What does it bring me?" — pick qualifications, answer what you know, read
/// the answer grouped by the notice's clauses. One GET form, so it works without script
/// and every answer has an address that can be shared.
struct BenefitsPage {
    var form: BenefitsForm
    var edition: Edition
    /// The qualifications offered as checkboxes: search hits when finding, else the edition.
    var candidates: [Entry]
    var zones: [Zone]
    var evaluation: BenefitEvaluation?
    /// Where each benefit is claimed.
    var routes: BenefitRoutes
    /// The answer's query, carried to the pack's form (`code` left out).
    var packQuery: [(name: String, value: String)]

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("能享受哪些政策", "What does it bring me?"), content: .group(
            .h1(.text(page.t("持有《目录》内的资格，能享受哪些政策？", "What does my qualification bring me?"))),
            .p(.class("lead"), .text(page.t(
                "选择您持有的资格，回答您知道的问题（都可以不答），即可看到通知第二、三部分的每一项政策是否适用于您，以及依据。",
                "Pick the qualifications you hold and answer what you know (every question is optional): you get each benefit of sections 2 and 3 of the notice, whether it applies to you, and why."))),
            .if(!form.errors.isEmpty, errorSummary(page)),
            // Issue 43: the questions first — only those that matter for what is held — then the answer.
            formNode(page),
            .unwrap(evaluation) { result($0, page) }
        ))
    }

    // MARK: The answer

    private func result(_ evaluation: BenefitEvaluation, _ page: PageContext) -> Node<HTML.BodyContext> {
        let lang = page.language
        return .section(
            .id("result"), .class("result"), .attribute(named: "aria-labelledby", value: "result-title"),
            .h2(.id("result-title"), .text(page.t("结果", "The answer"))),
            .p(.class("meta"), .text(page.t("依据目录：", "Catalog: ") + edition.title.text(in: lang))),
            .ul(.class("held"), .forEach(evaluation.qualifications) { standing in
                .li(
                    .a(.href(SiteURL.entry(standing.entry.id).path), .text(standing.entry.name.text(in: lang))),
                    .text(" — "), badge(standing.status, qualification: true, page),
                    .forEach(Array(standing.reasons)) { reason in
                        .span(.class("why"), .text(" " + evaluation.text(of: reason).text(in: lang)))
                    }
                )
            }),
            settle(evaluation, page),
            packForm(page),
            .forEach(BenefitGroup.allCases) { group in
                .section(
                    .class("group"),
                    .h3(.text("\(group.clauseName.text(in: lang)) \(group.title.text(in: lang))"), .text(" "),
                        .a(.class("clause"), .href(SiteURL.notice(anchor: group.noticeAnchor).path),
                           .text(page.t("通知原文", "Read the clause")))),
                    .ul(.class("benefits"), .forEach(evaluation.benefits.filter { $0.benefit.group == group }) { result in
                        benefit(result, evaluation, page)
                    })
                )
            },
            .section(.class("notes"), .attribute(named: "aria-label", value: page.t("说明", "Notes")),
                     .forEach(evaluation.notes) { note in
                         .p(.class("note"), .text(note.text.text(in: lang)),
                            .unwrap(note.clause) { clause in
                                .group(.text(" "), .a(.class("clause"), .href(SiteURL.notice(anchor: clause).path),
                                                      .text(page.t("通知原文", "Read the clause"))))
                            })
                     })
        )
    }

    private func benefit(_ result: BenefitResult, _ evaluation: BenefitEvaluation, _ page: PageContext)
        -> Node<HTML.ListContext>
    {
        let lang = page.language
        return .li(
            .class("benefit status-\(result.status.rawValue)"), .id("b-" + result.benefit.rawValue),
            .div(.class("benefit-head"),
                 .strong(.text(result.benefit.title.text(in: lang))), .text(" "),
                 badge(result.status, qualification: false, page),
                 .unwrap(result.level) { .span(.class("level"), .text(" " + $0.name.text(in: lang))) }),
            .unwrap(result.reasons.first(where: \.keepsItConditional)) { ceiling in
                .p(.class("stays-conditional"), .strong(.text(page.t("为什么始终是“有条件适用”：", "Why it stays conditional: "))),
                   .text(evaluation.text(of: ceiling).text(in: lang)))
            },
            // What the qualification as a whole waits for is said once, at the top, not under every benefit.
            reasons(result.reasons.filter { reason in !reason.keepsItConditional && !shared(evaluation).contains(reason) }, evaluation, page),
            .if(result.status == .conditional && result.reasons.allSatisfy { shared(evaluation).contains($0) }, .p(.class("meta"), .text(page.t(
                "取决于上面关于您资格的问题。", "Depends on the questions above about your qualification.")))),
            .if(evaluation.qualifications.count > 1, byQualification(result, evaluation, page)),
            .if(result.status != .notApplicable, RouteParts.whereToApply(routes.routes(for: result), page))
        )
    }

    /// The reasons stated for the qualifications held (the top of the answer).
    private func shared(_ evaluation: BenefitEvaluation) -> [BenefitReason] {
        evaluation.qualifications.count == 1 ? Array(evaluation.qualifications[0].reasons) : []
    }

    private func reasons(_ reasons: some Sequence<BenefitReason>, _ evaluation: BenefitEvaluation, _ page: PageContext) -> Node<HTML.BodyContext> {
        .ul(.class("reasons"), .forEach(Array(reasons)) { reason in
            .li(
                .text(evaluation.text(of: reason).text(in: page.language)),
                .unwrap(reason.missingFact.flatMap(ProfileQuestion.question)) { question in
                    .group(.text(" "), .a(.class("answer"), .href("#" + question.anchor),
                                         .text(page.t("回答这个问题", "Answer this question"))))
                }
            )
        })
    }

    /// Each held qualification's own result, so one's condition is never hidden by another's
    /// better result (a pharmacist's registration beside a CFA).
    private func byQualification(_ result: BenefitResult, _ evaluation: BenefitEvaluation, _ page: PageContext) -> Node<HTML.BodyContext> {
        .details(
            .class("by-qualification"),
            .summary(.text(page.t("逐项资格查看", "By qualification"))),
            .ul(.forEach(Array(zip(evaluation.qualifications, evaluation.byQualification(result.benefit)))) { standing, own in
                .li(.class("status-\(own.status.rawValue)"),
                    .strong(.text(standing.entry.name.text(in: page.language))), .text(" "),
                    badge(own.status, qualification: false, page),
                    .unwrap(own.level) { .span(.class("level"), .text(" " + $0.name.text(in: page.language))) },
                    reasons(own.reasons, evaluation, page))
            })
        )
    }

    /// The questions whose answers would settle the conditional results, each linking to
    /// its field below: answer, press the button again, and the page re-evaluates.
    private func settle(_ evaluation: BenefitEvaluation, _ page: PageContext) -> Node<HTML.BodyContext> {
        let missing = Set(evaluation.benefits.flatMap { $0.reasons.compactMap(\.missingFact) }
            + evaluation.qualifications.flatMap { $0.reasons.compactMap(\.missingFact) })
        let questions = ProfileQuestion.all.filter { missing.contains($0.fact) }
        return .if(!questions.isEmpty, .div(
            .class("settle"),
            .p(.strong(.text(page.t("标为“有条件适用”的政策，回答以下问题后可以确定：",
                                    "Results marked conditional can be settled by answering:")))),
            .ul(.forEach(questions) { question in
                .li(.a(.href("#" + question.anchor), .text(question.label.text(in: page.language))))
            })
        ))
    }

    /// "Print a pack": the same answer as a printable page, with a verification result if
    /// a code is given. A GET form, so the pack has an address a person can keep.
    private func packForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        .form(
            .class("pack-form"), .action(SiteURL.benefitsPack(rawQuery: nil).path), .method(.get),
            .forEach(packQuery) { .input(.type(.hidden), .name($0.name.attributeEscaped), .value($0.value.attributeEscaped)) },
            .label(.for("pack-code"), .text(page.t("查验码（可选：附上用人单位的核验结果及二维码）",
                                                   "Verification code (optional: adds your employer's verification result and its QR code)"))),
            .input(.type(.text), .id("pack-code"), .name("code"), .attribute(named: "maxlength", value: "20"), .attribute(named: "autocomplete", value: "off")),
            .button(.type(.submit), .text(page.t("打印办理材料清单", "Print a pack")))
        )
    }

    private func badge(_ status: BenefitStatus, qualification: Bool, _ page: PageContext) -> Node<HTML.BodyContext> {
        let label: String = switch (status, qualification) {
        case (.applies, true): page.t("认可", "recognized")
        case (.conditional, true): page.t("有条件认可", "recognized on a condition")
        case (.notApplicable, true): page.t("不认可", "not recognized")
        default: status.name.text(in: page.language)
        }
        return .span(.class("badge badge-\(status.rawValue)"), .text(label))
    }

    // MARK: The form

    private func errorSummary(_ page: PageContext) -> Node<HTML.BodyContext> {
        let order = ProfileFact.allCases.filter { form.errors[$0] != nil }
        return .div(
            .class("error-summary"), .attribute(named: "role", value: "alert"),
            .h2(.text(page.t("请修改以下内容", "Please correct the following"))),
            .ul(.forEach(order) { fact in
                .li(.a(.href("#" + anchor(fact)), .text(form.errors[fact]?.text(in: page.language) ?? "")))
            })
        )
    }

    private func anchor(_ fact: ProfileFact) -> String {
        fact == .qualifications ? "q-qualifications" : ProfileQuestion.question(for: fact)?.anchor ?? "q-" + fact.rawValue
    }

}

extension Node where Context == HTML.FormContext {
    /// A fieldset's caption. (Plot has no `legend`.)
    static func legend(_ text: String) -> Node {
        .element(named: "legend", nodes: [.text(text)])
    }
}
