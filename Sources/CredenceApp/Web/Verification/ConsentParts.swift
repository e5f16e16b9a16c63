import CredenceCore
import Foundation
import Plot

/// Whose consent a request rests on, as employers and officers see it (issue 31).
enum ConsentParts {
    static func basis(_ request: VerificationRequest, _ page: PageContext) -> String {
        let name = request.consent.basis.name.text(in: page.language)
        guard request.consent.basis == .holder else { return name }
        if request.consent.at != nil { return name + page.t("（两项均已同意）", " (both given)") }
        return name + page.t("（待持证人同意）", " (waiting for the holder)") + (request.holderEmailMasked.map { " · " + $0 } ?? "")
    }

    /// The employer sends the holder's link again while the holder has not answered.
    static func resend(_ request: VerificationRequest, _ page: PageContext) -> Node<HTML.BodyContext> {
        .if(request.consent.basis == .holder && request.consent.at == nil && [.submitted, .needsInfo].contains(request.status),
            .form(.class("action-form"), .action(SiteURL.request(request.id).path + "/holder-invitation"), .method(.post), Layout.csrfField(page),
                  .p(.text(page.t("持证人尚未答复。可重新发送链接（每小时最多3次）。", "The holder has not answered yet. You may send the link again (at most 3 times an hour)."))),
                  .button(.type(.submit), .class("secondary"), .text(page.t("重新发送给持证人", "Send the link to the holder again")))))
    }
}
