import CredenceCore
import Foundation
import Plot

/// A plain GET form to find a request by what a caller reads out: a holder's name, a
/// certificate number, a verification code or a request id.
enum RequestSearchForm {
    static func render(action: String, search: String?, hidden: [(String, String)], _ page: PageContext) -> Node<HTML.BodyContext> {
        .form(
            .class("search"), .action(action), .method(.get), .attribute(named: "role", value: "search"),
            .forEach(hidden) { .input(.type(.hidden), .name($0.0), .value($0.1.attributeEscaped)) },
            .label(.for("request-q"), .text(page.t("查找申请（持证人姓名、证书编号、查验码或申请编号）", "Find a request (holder's name, certificate number, code or request id)"))),
            .div(.input(.type(.search), .id("request-q"), .name("q"), .value((search ?? "").attributeEscaped),
                        .attribute(named: "maxlength", value: "100")),
                 .button(.type(.submit), .text(page.t("查找", "Find"))))
        )
    }
}
