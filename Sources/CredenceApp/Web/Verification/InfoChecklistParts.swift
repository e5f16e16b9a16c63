import CredenceCore
import Foundation
import Plot

/// 一次性告知 on a request's page: the checklist the officer sends, what the employer is
/// asked for and answers item by item, and the form fields for both.
enum InfoChecklistParts {
    /// Every checklist on the request, newest first, each item with its answer once given.
    static func rounds(_ request: VerificationRequest, _ page: PageContext) -> Node<HTML.BodyContext> {
        let rounds = InfoRequest.all(in: request.history)
        guard !rounds.isEmpty else { return .empty }
        let files = Dictionary(uniqueKeysWithValues: request.attachments.map { ($0.id, $0.fileName) })
        return .group(
            .h2(.text(page.t("补充材料清单", "What was asked for"))),
            .forEach(rounds.reversed()) { round in
                .div(.class(round.answeredAt == nil ? "settle" : "note"),
                     .p(LocalTime.node(round.requestedAt, page), .text(" · "),
                        .strong(.text(round.answeredAt == nil ? page.t("待答复", "Waiting for the answers")
                                      : page.t("已答复 ", "Answered ") + LocalTime.text(round.answeredAt!, page.language)))),
                     .unwrap(round.note) { .p(.text($0)) },
                     .ol(.forEach(Array(round.items.enumerated())) { index, item in
                         .li(.strong(.text(item.code.name.text(in: page.language))), .text(item.note.map { page.t("：", ": ") + $0 } ?? ""),
                             .unwrap(round.answer(to: index + 1)) { answer in
                                 .p(.class("meta"), .text(page.t("答复：", "Answer: ") + (answer.note ?? "")),
                                    .unwrap(answer.attachmentId) { file in
                                        .group(.text(answer.note == nil ? "" : " · "),
                                               .a(.href(SiteURL.attachment(request.id, file).path), .text(files[file] ?? page.t("文件", "file"))))
                                    })
                             })
                     }))
            })
    }

    /// The officer's checklist: a box and a note for each kind of item.
    static func askingFields(_ page: PageContext) -> Node<HTML.FormContext> {
        .fieldset(
            .legend(page.t("需要补充的全部材料（一次性告知）", "Everything that is missing (asked at once)")),
            .forEach(InfoItemCode.allCases) { code in
                .div(.class("question"),
                     .label(.input(.type(.checkbox), .name("item-\(code.rawValue)"), .value("yes")), .text(" " + code.name.text(in: page.language))),
                     .input(.type(.text), .name("item-note-\(code.rawValue)"), .attribute(named: "maxlength", value: "500"),
                            .attribute(named: "aria-label", value: code.name.text(in: page.language) + page.t("：说明", ": what exactly"))))
            })
    }

    /// The employer's answers to the open checklist: a note and a file of the request's for each item.
    static func answerFields(_ request: VerificationRequest, _ page: PageContext) -> Node<HTML.FormContext> {
        guard let open = InfoRequest.all(in: request.history).last, open.answeredAt == nil, !open.items.isEmpty else { return .empty }
        return .fieldset(
            .legend(page.t("逐项答复（文件请先在上方上传）", "Answer each item (upload files above first)")),
            .forEach(Array(open.items.enumerated())) { answerField($0.offset + 1, $0.element, request.attachments, page) })
    }

    private static func answerField(_ number: Int, _ item: InfoItem, _ files: [VerificationRequest.Attachment], _ page: PageContext)
        -> Node<HTML.FormContext>
    {
        let label = "\(number). " + item.code.name.text(in: page.language) + (item.note.map { " — " + $0 } ?? "")
        let choices: Node<HTML.SelectContext> = .group(
            .choice(value: "", label: page.t("（不附文件）", "(no file)")),
            .forEach(files) { .choice(value: $0.id.uuidString.lowercased(), label: $0.fileName) })
        return .div(.class("question"),
                    .label(.for("answer-\(number)"), .text(label)),
                    .textarea(.id("answer-\(number)"), .name("answer-\(number)"), .attribute(named: "rows", value: "2"), .text("")),
                    .if(!files.isEmpty, .select(.attribute(named: "name", value: "answer-file-\(number)"),
                                                .attribute(named: "aria-label", value: page.t("第\(number)项的文件", "File for item \(number)")),
                                                choices)))
    }
}
