import CredenceCore
import Plot

/// Recording a result deliberately (issue 43): nothing is pre-selected, the officer names the
/// channel they checked by and a reference to it, and confirms that the result is final.
enum ResultParts {
    /// The form's field names, read back by `VerificationWebController.completionNote`.
    static let channelField = "checkedBy"
    static let referenceField = "reference"
    static let confirmField = "confirm"

    static func fields(_ page: PageContext) -> Node<HTML.FormContext> {
        .group(
            .div(.class("question"),
                 .label(.for("outcome"), .text(page.t("核验结果", "Outcome"))),
                 .select(.id("outcome"), .attribute(named: "name", value: "outcome"), .attribute(named: "required", value: "required"),
                         .choice(value: "", label: page.t("请选择", "Choose the outcome"), selected: true),
                         .forEach(VerificationOutcome.allCases) { .choice(value: $0.rawValue, label: $0.name.text(in: page.language)) })),
            .div(.class("question"),
                 .label(.for("checked-by"), .text(page.t("核验所用渠道", "Channel you checked by"))),
                 .select(.id("checked-by"), .attribute(named: "name", value: channelField), .attribute(named: "required", value: "required"),
                         .choice(value: "", label: page.t("请选择", "Choose the channel"), selected: true),
                         .forEach(FollowUp.Channel.allCases) { .choice(value: $0.rawValue, label: $0.name.text(in: page.language)) })),
            .div(.class("question"),
                 .label(.for("reference"), .text(page.t("凭据（名录条目、邮件日期、函件编号等）", "Reference (register entry, date of the email, letter number …)"))),
                 .input(.type(.text), .id("reference"), .name(referenceField), .required(true), .attribute(named: "maxlength", value: "200"))),
            .div(.class("question"),
                 .label(.input(.type(.checkbox), .name(confirmField), .value("yes"), .required(true)),
                        .text(page.t(" 我已通过上述渠道核实。结果一经出具即为最终结果，只能通过复核或撤销更改。",
                                     " I checked this through the channel above. Once recorded the result is final: only a review or a revocation changes it."))))
        )
    }

    /// The channel and reference as the history's note records them, before the officer's own
    /// note; or the field that is missing, named as the form labels it.
    static func note(channel: String, reference: String, confirmed: Bool, note: String?) throws(VerificationError) -> String {
        var problems: [InputError] = []
        let reference = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        let checked = FollowUp.Channel(rawValue: channel)
        if checked == nil {
            problems.append(InputError(channelField, zh: "请选择核验所用渠道。", en: "Choose the channel you checked by."))
        }
        if reference.isEmpty || reference.count > 200 {
            problems.append(InputError(referenceField, zh: "请填写凭据（200字以内），例如名录条目或邮件日期。",
                                       en: "Give a reference (up to 200 characters), such as the register entry or the date of the email."))
        }
        if !confirmed {
            problems.append(InputError(confirmField, zh: "请确认已核实，并知悉结果一经出具即为最终结果。",
                                       en: "Tick the box to confirm you checked it and that the result is final once recorded."))
        }
        guard problems.isEmpty, let checked else { throw .invalid(problems) }
        let recorded = "\(checked.name.zh) / \(checked.name.en): \(reference)"
        return note.map { recorded + " — " + $0 } ?? recorded
    }
}
