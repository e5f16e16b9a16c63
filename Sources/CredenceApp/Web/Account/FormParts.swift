import CredenceCore
import Plot

/// A labelled input with its hint and error, the way every account form shows one.
struct TextField {
    var name: String
    var label: BilingualText
    var type: HTMLInputType = .text
    var hint: BilingualText? = nil
    var autocomplete: String? = nil

    func render(_ page: PageContext, value: String = "", error: BilingualText? = nil) -> Node<HTML.FormContext> {
        let id = "f-" + name
        return .div(
            .class(error == nil ? "question" : "question invalid"),
            .label(.for(id), .text(label.text(in: page.language))),
            .unwrap(hint) { .p(.class("why"), .id(id + "-hint"), .text($0.text(in: page.language))) },
            .unwrap(error) { .p(.class("field-error"), .id(id + "-error"), .text($0.text(in: page.language))) },
            .input(
                .type(type), .id(id), .name(name),
                .value(type == .password ? "" : value.attributeEscaped),
                .unwrap(autocomplete) { .attribute(named: "autocomplete", value: $0) },
                .attribute(
                    named: "aria-describedby", value: [hint.map { _ in id + "-hint" }, error.map { _ in id + "-error" }]
                        .compactMap { $0 }.joined(separator: " "))
            )
        )
    }
}

/// A short message above a form: something went wrong, or something was done.
enum Banner {
    static func error(_ text: BilingualText?, _ page: PageContext) -> Node<HTML.BodyContext> {
        .unwrap(text) { .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .p(.text($0.text(in: page.language)))) }
    }

    static func done(_ text: BilingualText?, _ page: PageContext) -> Node<HTML.BodyContext> {
        .unwrap(text) { .div(.class("done"), .attribute(named: "role", value: "status"), .p(.text($0.text(in: page.language)))) }
    }
}
