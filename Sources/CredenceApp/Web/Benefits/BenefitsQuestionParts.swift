import CredenceCore
import Plot

/// The benefits page's questions: the profile form, each question with its hint and error.
extension BenefitsPage {
    func formNode(_ page: PageContext) -> Node<HTML.BodyContext> {
        .form(
            .class("benefits-form"), .action(SiteURL.benefits().path), .method(.get),
            // Finding stays outside the fieldset: a group of checkboxes holds nothing else.
            .div(.class("find"),
                 .label(.for("find"), .text(page.t("查找资格", "Find a qualification"))),
                 .input(.type(.search), .id("find"), .name("find"), .value((form.find ?? "").attributeEscaped),
                        .placeholder(page.t("例如：CFA、精算师", "e.g. CFA, actuary"))),
                 .button(.type(.submit), .class("secondary"), .text(page.t("查找", "Find")))),
            .fieldset(
                .id("q-qualifications"),
                .legend(page.t("1. 您持有的资格", "1. Your qualifications")),
                fieldError(.qualifications, page),
                .if(form.find != nil, .p(.class("meta"), .text(page.t(
                    "显示“\(form.find ?? "")”的搜索结果和已选的资格。", "Showing matches for “\(form.find ?? "")” and what you have picked.")),
                    .text(" "), .a(.href(SiteURL.benefits(qualifications: form.qualifications).path.attributeEscaped),
                                   .text(page.t("显示全部", "Show all"))))),
                .if(!picked.isEmpty, choiceList(picked, page)),
                .if(others.isEmpty == false, .details(
                    .open(picked.isEmpty || form.find != nil),
                    .summary(.text(picked.isEmpty
                        ? page.t("从目录中选择", "Choose from the catalog")
                        : page.t("再添加一项资格", "Add another qualification"))),
                    choiceList(others, page)
                ))
            ),
            .fieldset(
                .legend(page.t("2. 关于您（均可不答）", "2. About you (every question is optional)")),
                .if(evaluation != nil && asked.isEmpty, .p(.class("meta"), .text(page.t(
                    "您所选资格的结果不取决于其他问题。", "Nothing else you could answer changes the result for these qualifications.")))),
                .forEach(asked) { self.question($0, page) },
                // Plot's details holds no form content: written as elements.
                .if(!unasked.isEmpty, .element(named: "details", nodes: [
                    .element(named: "summary", nodes: [.text(page.t("其他问题（不影响所选资格的结果）",
                                                                    "Other questions (they do not change the result for these qualifications)"))]),
                ] + unasked.map { self.question($0, page) }))
            ),
            .button(.type(.submit), .name("check"), .value("1"), .text(page.t("查看能享受的政策", "Show what it brings")))
        )
    }

    private var picked: [Entry] { candidates.filter { form.qualifications.contains($0.id) } }

    /// The questions shown open: before an answer, all; with one, those whose answer would
    /// settle a result for the qualifications held, and those already answered (issue 43).
    private var asked: [ProfileQuestion] {
        guard let evaluation else { return ProfileQuestion.all }
        let missing = Set(evaluation.benefits.flatMap { $0.reasons.compactMap(\.missingFact) }
            + evaluation.qualifications.flatMap { $0.reasons.compactMap(\.missingFact) })
        return ProfileQuestion.all.filter { question in
            missing.contains(question.fact) || form.values[question.fact].map { !$0.isEmpty } == true || form.errors[question.fact] != nil
                || (question.fact == .workRelatedTo && !form.workAnswers.isEmpty)
        }
    }

    private var unasked: [ProfileQuestion] {
        guard evaluation != nil else { return [] }
        let shown = Set(asked.map(\.fact))
        return ProfileQuestion.all.filter { !shown.contains($0.fact) }
    }
    private var others: [Entry] { candidates.filter { !form.qualifications.contains($0.id) } }

    private func choiceList<C: HTML.BodyContext>(_ entries: [Entry], _ page: PageContext) -> Node<C> {
        .ul(.class("choices"), .forEach(entries) { entry in
            .li(.label(
                .input(.type(.checkbox), .name("qualification"), .value(entry.id.attributeEscaped),
                       .checked(form.qualifications.contains(entry.id))),
                .text(" " + entry.name.text(in: page.language)),
                .span(.class("sub"), .text(choiceDetail(entry, page)))
            ))
        })
    }

    private func choiceDetail(_ entry: Entry, _ page: PageContext) -> String {
        let region = entry.region?.text(in: page.language) ?? page.t("通知未注明地区", "region not stated")
        return page.t("第\(entry.seq)项 · ", "No. \(entry.seq) · ") + region + " · " + entry.issuer.text(in: page.language)
    }

    private func fieldError(_ fact: ProfileFact, _ page: PageContext) -> Node<HTML.FormContext> {
        .unwrap(form.errors[fact]) { .p(.class("field-error"), .text($0.text(in: page.language))) }
    }

    func question(_ question: ProfileQuestion, _ page: PageContext) -> Node<HTML.FormContext> {
        if question.fact == .workRelatedTo { return workQuestion(question, page) }
        let hint = question.anchor + "-why"
        return .div(
            .class(form.errors[question.fact] == nil ? "question" : "question invalid"),
            .label(.for(question.anchor), .text(question.label.text(in: page.language))),
            .p(.class("why"), .id(hint), .text(page.t("为什么问：", "Why we ask: ") + question.why.text(in: page.language))),
            fieldError(question.fact, page),
            control(question, describedBy: hint, page)
        )
    }

    /// "Is your work in the field of …?" once per held qualification, quoting its remark.
    private func workQuestion(_ question: ProfileQuestion, _ page: PageContext) -> Node<HTML.FormContext> {
        let held = picked
        let hint = question.anchor + "-why"
        return .if(!held.isEmpty, .fieldset(
            .id(question.anchor),
            .class(form.errors[question.fact] == nil ? "question work" : "question work invalid"),
            .legend(question.label.text(in: page.language)),
            .p(.class("why"), .id(hint), .text(page.t("为什么问：", "Why we ask: ") + question.why.text(in: page.language))),
            fieldError(question.fact, page),
            .forEach(held) { entry in
                let id = question.anchor + "-" + entry.id
                let current = form.workAnswers[entry.id] ?? ""
                return .div(
                    .class("work-answer"),
                    .label(.for(id.attributeEscaped), .text(entry.name.text(in: page.language) + page.t("：", ": ")),
                           .span(.class("sub"), .text(entry.workField.text(in: page.language)))),
                    .select(
                        .id(id.attributeEscaped), .attribute(named: "name", value: BenefitsForm.workParameter(entry.id).attributeEscaped),
                        .attribute(named: "aria-describedby", value: hint),
                        .choice(value: "", label: page.t("不确定 / 不想回答", "Not sure / rather not say"), selected: current.isEmpty),
                        .choice(value: BenefitsForm.yes, label: page.t("是，我的工作属于该领域", "Yes, my work is in this field"), selected: current == BenefitsForm.yes),
                        .choice(value: BenefitsForm.no, label: page.t("否", "No"), selected: current == BenefitsForm.no)))
            }
        ))
    }

    private func control(_ question: ProfileQuestion, describedBy hint: String, _ page: PageContext)
        -> Node<HTML.FormContext>
    {
        let id = question.anchor
        let name = question.fact.rawValue
        let current = form.values[question.fact] ?? ""
        let unknown = page.t("不确定 / 不想回答", "Not sure / rather not say")
        func select(_ options: [(String, String)]) -> Node<HTML.FormContext> {
            .select(
                .id(id), .attribute(named: "name", value: name), .attribute(named: "aria-describedby", value: hint),
                .choice(value: "", label: unknown, selected: current.isEmpty),
                .forEach(options) { value, label in .choice(value: value, label: label, selected: current == value) }
            )
        }
        switch question.fact {
        case .nationality:
            return select(Nationality.allCases.map { ($0.rawValue, nationalityLabel($0, page)) })
        case .workZone:
            return zoneSelect(id: id, name: name, hint: hint, current: current, unknown: unknown, page)
        case .age, .relevantExperienceYears:
            return .input(
                .type(.text), .id(id), .name(name), .value(current.attributeEscaped),
                .attribute(named: "inputmode", value: question.fact == .age ? "numeric" : "decimal"),
                .attribute(named: "aria-describedby", value: hint), .attribute(named: "size", value: "6"))
        default:
            return select([(BenefitsForm.yes, page.t("是", "Yes")), (BenefitsForm.no, page.t("否", "No"))])
        }
    }

    /// The zones grouped as section 一 names them: the FTZ areas, the linked zones and bases
    /// Credence knows of, one not listed (the list is incomplete), and elsewhere.
    private func zoneSelect(id: String, name: String, hint: String, current: String, unknown: String, _ page: PageContext) -> Node<HTML.FormContext> {
        let areas = zones.filter { $0.kind == .ftzArea }
        let linked = zones.filter { $0.kind != .ftzArea }
        func group(_ label: String, _ options: [(String, String)]) -> Node<HTML.SelectContext> {
            .element(named: "optgroup", nodes: [
                .attribute(named: "label", value: label.attributeEscaped),
                .forEach(options) { value, text in .choice(value: value, label: text, selected: current == value) },
            ])
        }
        return .select(
            .id(id), .attribute(named: "name", value: name), .attribute(named: "aria-describedby", value: hint),
            .choice(value: "", label: unknown, selected: current.isEmpty),
            group(page.t("自贸试验区片区", "FTZ areas"), areas.map { ($0.id, $0.name.text(in: page.language)) }),
            group(page.t("联动创新区和基地", "Linked zones and bases"),
                  linked.map { ($0.id, $0.name.text(in: page.language)) }
                  + [(WorkZone.linkedUnlistedValue, page.t("未列出的联动创新区、联动创新示范基地或创新实践基地",
                                                            "A linked innovation zone, demonstration base or innovation practice base not listed"))]),
            group(page.t("其他", "Elsewhere"), [(WorkZone.outsideValue, page.t("以上范围之外", "Somewhere else"))])
        )
    }

    private func nationalityLabel(_ nationality: Nationality, _ page: PageContext) -> String {
        page.language == .zh ? nationality.name.zh : nationality.name.en.prefix(1).uppercased() + nationality.name.en.dropFirst()
    }
}
