import CredenceCore
import Plot

/// The departments' sign-off as the edition pages show it (issue 34): each department, its
/// part and its latest answer; the administrator's "submit" and the reviewer's answer.
enum SignOffParts {
    static func section(_ edition: Edition, departments: [Department], viewer: Account?, _ page: PageContext) -> Node<HTML.BodyContext> {
        let lang = page.language
        let base = "/admin/editions/" + edition.id.queryEncoded
        let signOff = edition.signOff
        let shown = signOff?.departments.isEmpty == false ? signOff!.departments : departments
        let isDraft = edition.status == .draft
        return .section(
            .id("sign-off"),
            .h2(.text(page.t("部门会签", "The departments' sign-off"))),
            .p(.class("note"), .text(page.t(
                "通知由市人社局会同自贸试验区管委会及相关主管部门共同研究制定。须会签同意的部门全部同意后，草稿方可发布；草稿修改后，已给出的同意即撤回。",
                "The notice was made by 市人社局 together with the FTZ's committee and the departments concerned. A draft is published only once every department that must approve has approved it; a change to the draft withdraws the approvals given."))),
            .if(isDraft && signOff == nil, .p(.text(page.t("尚未提交会签。", "Not yet submitted for sign-off.")))),
            .unwrap(signOff) { signOff in
                .p(.class("meta"), .text(page.t("提交会签：", "Submitted: ") + LocalTime.display(signOff.requestedAt, lang)))
            },
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(page.t("部门", "Department"))), .th(.text(page.t("角色", "Part"))), .th(.text(page.t("意见", "Answer"))))),
                .tbody(.forEach(shown) { department in
                    let answer = signOff?.answer(of: department.id)
                    return .tr(.td(.span(.attribute(named: "lang", value: "zh"), .text(department.name.zh)),
                                   .if(lang == .en, .span(.class("sub"), .text(department.name.en)))),
                               .td(.text(department.part.name.text(in: lang))),
                               .td(.unwrap(answer, { answer in
                                   .group(.strong(.text(answer.decision.name.text(in: lang))), .text(" · " + LocalTime.display(answer.at, lang)),
                                          .unwrap(answer.comment) { .span(.class("sub"), .text($0)) })
                               }, else: .text(page.t("尚未答复", "No answer yet")))))
                })
            )),
            .if(isDraft && viewer?.role == .admin, .form(
                .class("inline"), .action("\(base)/sign-off-request"), .method(.post), Layout.csrfField(page),
                .button(.type(.submit), .class("secondary"), .text(signOff == nil ? page.t("提交会签", "Submit for sign-off") : page.t("重新提交会签", "Submit again")))
            )),
            .if(isDraft && signOff != nil && viewer?.role == .reviewer, .form(
                .class("account-form"), .action("\(base)/approvals"), .method(.post), Layout.csrfField(page),
                .div(.class("question"),
                     .label(.for("comment"), .text(page.t("意见（退回时必填）", "Comment (required to return)"))),
                     .textarea(.id("comment"), .name("comment"), .attribute(named: "rows", value: "3"), .text(""))),
                .button(.type(.submit), .name("decision"), .value(ApprovalDecision.approve.rawValue), .text(page.t("同意", "Approve"))),
                .text(" "),
                .button(.type(.submit), .name("decision"), .value(ApprovalDecision.returned.rawValue), .class("secondary"), .text(page.t("退回", "Return")))
            ))
        )
    }

    /// A published edition's record on public pages: its document number and the departments that approved it.
    static func record(_ edition: Edition, _ page: PageContext) -> Node<HTML.BodyContext> {
        guard let signOff = edition.signOff, !signOff.departments.isEmpty else { return .empty }
        let approved = signOff.departments.filter { signOff.answer(of: $0.id)?.decision == .approve }
        return .p(.class("meta"), .id("sign-off-record"),
                  .text(page.t("会签同意：", "Approved by: ") + approved.map { $0.name.text(in: page.language) }.joined(separator: page.t("、", "; "))))
    }
}
