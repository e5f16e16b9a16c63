import CredenceCore
import Foundation
import Plot

/// A result's later life on the request's page (issue 33): the review asked of it (复核)
/// and its decision, the earlier result a re-check follows, the link to re-check, and the
/// results whose certificates expire soon.
enum ReviewParts {
    /// The review, as asked and as decided.
    static func review(_ request: VerificationRequest, _ page: PageContext) -> Node<HTML.BodyContext> {
        .unwrap(request.review) { review in
            .section(.class("review"),
                .h2(.text(page.t("复核", "Review"))),
                .dl(
                    .dt(.text(page.t("申请复核", "Asked"))), .dd(LocalTime.node(review.requestedAt, page)),
                    .dt(.text(page.t("复核理由", "Why"))), .dd(.text(review.reason)),
                    .unwrap(review.note) { note in .group(.dt(.text(page.t("补充说明", "Note"))), .dd(.text(note))) },
                    .dt(.text(page.t("复核决定", "Decision"))),
                    .dd(.unwrap(review.decision, { decision in
                        .group(.strong(.text(decision.name.text(in: page.language))),
                               .if(decision == .changed, .text(page.t("：", ": ") + (review.outcomeReviewed?.name.text(in: page.language) ?? "—")
                                   + " → " + (request.outcome?.name.text(in: page.language) ?? "—"))),
                               .unwrap(review.decidedAt) { at in .group(.text(" · "), LocalTime.node(at, page)) })
                    }, else: .text(page.t("待核验人员决定（出具原结果以外的人员）", "Waiting for an officer other than the one who recorded the result")))),
                    .unwrap(review.decisionNote) { note in .group(.dt(.text(page.t("复核意见", "The officer's note"))), .dd(.text(note))) }
                ),
                .if(review.decision == .changed, .p(.class("meta"), .text(page.t(
                    "原结果的可验证凭证已撤销（理由：已由新结果取代），其查验码的公开核对页面也如此显示。",
                    "The old result's credential is revoked (reason: superseded), and its code's public check says so."))))
            )
        }
    }

    /// The earlier result a re-check follows, for the employer and the officer.
    static func recheckOf(_ previous: VerificationRequest?, id: UUID?, catalog: Catalog, _ page: PageContext) -> Node<HTML.BodyContext> {
        .unwrap(id) { id in
            .div(.class("note"), .p(
                .strong(.text(page.t("重新核验。", "A re-check. "))),
                .text(page.t("原申请：", "Earlier request: ")), .a(.href(SiteURL.request(id).path), .text(id.uuidString.lowercased().prefix(8) + "…")),
                .unwrap(previous) { earlier in
                    .group(.text(page.t("；原结果：", "; its result: ") + (earlier.outcome?.name.text(in: page.language) ?? "—")),
                           .unwrap(earlier.completedAt) { .text(page.t("（", " (") + CalendarDate.today(at: $0).description + page.t("）", ")")) },
                           .unwrap(earlier.expiresOn) { .text(page.t("；原证书有效期至 ", "; the certificate then expired on ") + $0) })
                },
                .text(page.t("。", "."))))
        }
    }

    /// The employer's way to a new request pre-filled from this one.
    static func recheckLink(_ request: VerificationRequest, _ page: PageContext) -> Node<HTML.BodyContext> {
        .p(.a(.class("button secondary"), .href(SiteURL.recheck(request.id).path), .text(page.t("重新核验（新申请，已预填）", "Re-check (a new request, pre-filled)"))),
           .text(page.t(" 证书续期后可再次核验，新申请会链接到本申请。", " After the certificate is renewed, check it again; the new request links to this one.")))
    }

    /// The fields an action on a review asks for (the note comes after them).
    static func fields(_ action: VerificationAction, _ page: PageContext) -> Node<HTML.FormContext> {
        switch action {
        case .review:
            return .div(.class("question"),
                .label(.for("reason-review"), .text(page.t("复核理由（必填）", "Why the result should be reviewed (required)"))),
                .textarea(.id("reason-review"), .name("reason"), .attribute(named: "rows", value: "3"), .attribute(named: "required", value: "required"), .text("")))
        case .reviewDecision:
            return .group(
                .div(.class("question"),
                    .label(.for("decision"), .text(page.t("复核决定", "Decision"))),
                    .select(.id("decision"), .attribute(named: "name", value: "decision"),
                            .forEach(ReviewDecision.allCases) { .choice(value: $0.rawValue, label: $0.name.text(in: page.language)) })),
                .div(.class("question"),
                    .label(.for("outcome-review"), .text(page.t("新的结果（仅变更时）", "New outcome (only if changed)"))),
                    .select(.id("outcome-review"), .attribute(named: "name", value: "outcome"),
                            .choice(value: "", label: "—"),
                            .forEach(VerificationOutcome.allCases) { .choice(value: $0.rawValue, label: $0.name.text(in: page.language)) })))
        default:
            return .empty
        }
    }

    /// `/requests`: authentic results whose certificate expires within `ExpiryNotice.days`.
    static func expiring(_ requests: [VerificationRequest], catalog: Catalog, _ page: PageContext) -> Node<HTML.BodyContext> {
        .if(!requests.isEmpty, .section(.class("expiring"),
            .h2(.text(page.t("\(ExpiryNotice.days)天内到期的证书", "Certificates expiring within \(ExpiryNotice.days) days"))),
            .ul(.forEach(requests) { request in
                .li(.a(.href(SiteURL.request(request.id).path),
                       .text(request.holderName + " · " + VerificationParts.entryName(request.entryId, catalog, page))),
                    .text(page.t(" · 有效期至 ", " · expires on ") + (request.expiresOn ?? "—") + " · "),
                    .a(.href(SiteURL.recheck(request.id).path), .text(page.t("重新核验", "Re-check"))))
            })))
    }
}
