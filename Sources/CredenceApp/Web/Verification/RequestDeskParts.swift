import CredenceCore
import Foundation
import Plot

/// The officers' desk on a request's page: who works on it, the contact log with the
/// issuing body; and, for its employer, the rating of a completed request.
enum RequestDeskParts {
    static func desk(_ request: VerificationRequest, viewer: Account, followUps: [FollowUp], _ page: PageContext) -> Node<HTML.BodyContext> {
        let staff = viewer.role != .employer
        let path = SiteURL.request(request.id).path
        return .group(
            .h2(.text(page.t("与发证机构的联系", "Contact with the issuing body"))),
            .if(staff, .p(.text(page.t("负责人：", "Assigned to: ")
                                + (request.assigneeId == nil ? page.t("无", "nobody") : request.assigneeId == viewer.id ? page.t("我", "me") : page.t("其他核验人员", "another officer"))),
                          .if(viewer.role == .officer && request.assigneeId != viewer.id && !request.status.isFinal, .form(
                              .class("inline"), .action(path + "/assign"), .method(.post), Layout.csrfField(page),
                              .text(" "), .button(.type(.submit), .class("link"), .text(page.t("由我负责", "Take it"))))))),
            .if(followUps.isEmpty, .p(.class("meta"), .text(page.t("尚无联系记录。", "No contact recorded yet.")))),
            .ul(.forEach(followUps) { item in
                .li(.text(item.on.description + " · " + channelName(item.channel, page) + (item.note.map { " — " + $0 } ?? "")))
            }),
            .if(viewer.role == .officer && !request.status.isFinal, .form(
                .class("action-form"), .action(path + "/follow-ups"), .method(.post), Layout.csrfField(page),
                .div(.class("question"), .label(.for("fu-on"), .text(page.t("联系日期", "Date"))),
                     .input(.type(.date), .id("fu-on"), .name("on"), .value(CalendarDate.today(at: Date()).description))),
                .div(.class("question"), .label(.for("fu-channel"), .text(page.t("方式", "Channel"))),
                     .select(.id("fu-channel"), .attribute(named: "name", value: "channel"),
                             .forEach(FollowUp.Channel.allCases) { .choice(value: $0.rawValue, label: channelName($0, page)) })),
                .div(.class("question"), .label(.for("fu-note"), .text(page.t("情况", "What was asked and answered"))),
                     .textarea(.id("fu-note"), .name("note"), .attribute(named: "rows", value: "2"), .text(""))),
                .button(.type(.submit), .class("secondary"), .text(page.t("记录联系", "Record the contact")))
            ))
        )
    }

    static func rating(_ request: VerificationRequest, viewer: Account, rating: Rating?, _ page: PageContext) -> Node<HTML.BodyContext> {
        guard viewer.role == .employer, request.status == .completed else { return .empty }
        return .group(
            .h2(.text(page.t("评价本次查验", "Rate this verification"))),
            .unwrap(rating, { rating in
                .p(.text(page.t("您的评价：", "Your rating: ") + String(repeating: "★", count: rating.score) + (rating.comment.map { " — " + $0 } ?? "")))
            }, else: .form(
                .class("action-form"), .action(SiteURL.request(request.id).path + "/rating"), .method(.post), Layout.csrfField(page),
                .div(.class("question"), .label(.for("r-score"), .text(page.t("评分（1–5）", "Score (1–5)"))),
                     .select(.id("r-score"), .attribute(named: "name", value: "score"), .attribute(named: "required", value: "required"),
                             .choice(value: "", label: page.t("请选择", "Choose a score"), selected: true),
                             .forEach([5, 4, 3, 2, 1]) { .choice(value: String($0), label: String(repeating: "★", count: $0)) })),
                .div(.class("question"), .label(.for("r-comment"), .text(page.t("意见（可选）", "Comment (optional)"))),
                     .textarea(.id("r-comment"), .name("comment"), .attribute(named: "rows", value: "2"), .text(""))),
                .button(.type(.submit), .text(page.t("提交评价", "Send the rating")))
            ))
        )
    }

    static func channelName(_ channel: FollowUp.Channel, _ page: PageContext) -> String {
        channel.name.text(in: page.language)
    }
}
