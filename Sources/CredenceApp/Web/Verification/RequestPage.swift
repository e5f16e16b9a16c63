import CredenceCore
import Foundation
import Plot

/// `/requests/{id}`: one request for its employer or for staff — status, estimated date,
/// result with the disclaimer, the details (the passport number in full only here), the
/// channel to check it by, attachments, the actions open now, and the history.
struct RequestPage {
    var request: VerificationRequest
    var viewer: Account
    var catalog: Catalog
    var body: IssuingBody
    var error: BilingualText?
    /// The estimate's year, when no official holiday calendar covers it.
    var unofficialYear: Int? = nil
    var followUps: [FollowUp] = []
    var rating: Rating? = nil
    /// The issuing body's measured figures (staff see them beside the channel's working days).
    var measured: ServiceStandards.Figures? = nil
    /// The request this one re-checks, as the viewer may see it.
    var previous: VerificationRequest? = nil
    /// Whether its employer may still ask for a review of the result (`ReviewPolicy`).
    var reviewOpen = false
    /// No SMTP: the holder's invitation waits in the mail folder for an administrator.
    var mailKeptForAdministrators = false
    /// While it waits to be accepted: the result's due date if accepted today, and how long
    /// acceptance took over the period (the notice sets no deadline for it).
    var dueIfAcceptedToday: CalendarDate? = nil
    var acceptanceWait: AcceptanceWait? = nil

    var isStaff: Bool { viewer.role != .employer }

    /// The request's optional facts about the holder, or about the certificate.
    private func facts(aboutHolder: Bool, _ page: PageContext) -> Node<HTML.DescriptionListContext> {
        .forEach(VerificationDraft.Fields.optionalFacts.filter { $0.aboutHolder == aboutHolder }) { fact in
            row(fact.name.text(in: page.language), fact.shown(request) ?? (fact.personal ? erased(page) : "—"))
        }
    }

    /// What stands where erased personal data was; a dash where there never was any.
    private func erased(_ page: PageContext) -> String {
        request.erasure.map { $0.notice.text(in: page.language) } ?? "—"
    }

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        let name = VerificationParts.entryName(request.entryId, catalog, page)
        return Layout.page(page, title: name, content: .group(
            .p(.class("crumbs"), .a(.href(isStaff ? SiteURL.queue(status: nil).path : SiteURL.requests.path),
                                    .text(isStaff ? page.t("核验队列", "Queue") : page.t("我的申请", "My requests")))),
            .h1(.text(name), .text(" "), VerificationParts.status(request.status, page)),
            Banner.error(error, page),
            RequestTimeline.render(request, page),
            ReviewParts.recheckOf(previous, id: request.previousRequestId, catalog: catalog, page),
            summary(page),
            ReviewParts.review(request, page),
            .h2(.text(page.t("申请内容", "The request"))),
            .dl(
                row(page.t("用人单位", "Employer"), request.organizationName ?? "—"),
                row(page.t("持证人", "Holder"), request.holderName),
                row(page.t("国籍", "Nationality"), "\(CountryNames.name(request.holderNationality, lang)) (\(request.holderNationality))"),
                facts(aboutHolder: true, page),
                row(page.t("证书编号", "Certificate number"), request.certificateNumber),
                facts(aboutHolder: false, page),
                .unwrap(request.certificateStatus) { status in
                    row(page.t("结果日证书状态", "Certificate on the result's day"),
                        status.name.text(in: lang) + (request.certificateNote.map { " · " + $0.text(in: lang) } ?? ""))
                },
                row(page.t("备注", "Note"), request.note ?? "—"),
                row(page.t("同意依据", "Consent basis"), ConsentParts.basis(request, page)),
                row(page.t("目录版本", "Catalog edition"), request.edition),
                row(page.t("发证机构", "Issuing body"), body.name.text(in: lang))
            ),
            .if(isStaff, channel(page)),
            InfoChecklistParts.rounds(request, page),
            attachments(page),
            actions(page),
            .if(!isStaff, ConsentParts.resend(request, page)),
            RequestDeskParts.rating(request, viewer: viewer, rating: rating, page),
            RequestDeskParts.desk(request, viewer: viewer, followUps: followUps, page),
            .h2(.text(page.t("处理记录", "History"))),
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(page.t("时间", "When"))), .th(.text(page.t("操作", "What"))), .th(.text(page.t("由", "By"))),
                           .th(.text(page.t("说明", "Note"))))),
                .tbody(.forEach(request.history) { event in
                    .tr(.td(LocalTime.node(event.at, page)), .td(.text(event.action.name.text(in: lang))),
                        .td(.text(event.actorRole.name.text(in: lang))), .td(.text(HistoryParts.note(event, page))))
                })
            ))
        ))
    }

    private func row(_ label: String, _ value: String) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(label)), .dd(.text(value)))
    }

    private func summary(_ page: PageContext) -> Node<HTML.BodyContext> {
        switch request.status {
        case .completed, .underReview:
            return .div(
                .class("result"),
                .h2(.text(page.t("核验结果：", "Result: ") + (request.outcome?.name.text(in: page.language) ?? ""))),
                .if(request.status == .underReview, .p(.class("settle"), .text(page.t(
                    "复核中：结果在复核决定前仍然有效。", "Under review: the result stands until the review is decided.")))),
                .unwrap(request.revocation) { revocation in
                    .div(.class("error-summary"), .p(.strong(.text(page.t("该结果已被撤销", "This result has been revoked"))),
                        .text(page.t("（", " (") + CalendarDate.today(at: revocation.at).description + page.t("）：", "): ")
                              + revocation.reason.name.text(in: page.language))),
                         .unwrap(revocation.note) { .p(.text($0)) })
                },
                .p(.text(page.t("完成时间：", "Completed: ")), .unwrap(request.completedAt) { LocalTime.node($0, page) }),
                .unwrap(request.verificationCode) { code in
                    .p(.text(page.t("查验码：", "Verification code: ")), .code(.text(code)), .text(" "),
                       .a(.href(SiteURL.verify(code: code).path), .text(page.t("公开核对页面", "public check page"))))
                },
                .p(.a(.href(SiteURL.certificate(request.id).path), .text(page.t("可打印的核验结果（带二维码）", "Printable result (with QR code)"))),
                   .text(" · "),
                   .a(.href(SiteURL.credential(request.id).path), .text(page.t("W3C 可验证凭证（JSON）", "W3C Verifiable Credential (JSON)")))),
                .p(.a(.href(SiteURL.receipt(request.id).path), .text(page.t("下载签名回执（JSON）", "Download the signed receipt (JSON)"))),
                   .text(page.t("，可用 credence receipt verify 离线核验。", " — checkable offline with credence receipt verify."))),
                .if(!isStaff && request.status == .completed, ReviewParts.recheckLink(request, page)),
                .div(.class("note"),
                     .p(.attribute(named: "lang", value: "zh"), .text(Disclaimer.text.zh)),
                     .p(.attribute(named: "lang", value: "en"), .text(Disclaimer.text.en)),
                     .p(.a(.href(SiteURL.notice(anchor: "附件2-四").path), .text(page.t("依据：通知附件2第四条", "Source: the notice, annex 2 (4)")))))
            )
        case .accepted:
            return .div(.class("settle"), .p(.text(page.t("已受理，预计完成日期：", "Accepted. Estimated completion: ")),
                                             .strong(.text(request.estimatedCompletionOn ?? "—")),
                                             .text(page.t("（按发证机构的核验渠道，以工作日计，依国务院办公厅节假日安排）",
                                                          " (working days by the State Council's holiday calendar, from the issuing body's channel)")),
                                             .unwrap(unofficialYear) { year in
                                                 .text(page.t("。注意：尚无 \(year) 年的官方节假日安排，暂按周一至周五计算。",
                                                              ". Note: no official calendar for \(year) yet; counted Monday to Friday."))
                                             }))
        case .rejected:
            return .div(.class("error-summary"), .p(.text(page.t("不予受理：", "Rejected: ") + (request.rejectionReason?.name.text(in: page.language) ?? ""))))
        case .needsInfo:
            return .div(.class("settle"), .p(.text(page.t("核验人员需要补充材料：请看下面的清单，逐项答复后重新提交。",
                                                         "The officer needs more: see the list below, answer each item, then resubmit."))))
        case .withdrawn:
            return .p(.class("meta"), .text(request.withdrawalReason?.name.text(in: page.language) ?? page.t("已由用人单位撤回。", "Withdrawn by the employer.")))
        case .submitted:
            if request.awaitsHolderConsent {
                return .p(.class("meta"), .text(page.t("已提交，等待持证人同意后受理。", "Submitted: it can be accepted once the holder has consented.")))
            }
            return .div(.p(.class("meta"), .text(page.t("已提交，等待核验人员受理。通知未规定受理时限；受理时会告知预计完成日期（附件2第二条）。",
                                                        "Submitted, waiting for an officer to accept it. The notice sets no deadline for acceptance; on acceptance you are told the estimated completion date (annex 2, 2)."))),
                        .p(.class("meta"), .text(waitEstimate(page))))
        }
    }

    /// What an employer can expect while the request waits: the due date if accepted today,
    /// and the desk's measured time to acceptance when there is enough to measure.
    private func waitEstimate(_ page: PageContext) -> String {
        var words = dueIfAcceptedToday.map {
            page.t("若今天受理，预计 \($0) 完成（该渠道 \(body.channel.typicalWorkingDays) 个工作日）。",
                   "If accepted today, the result would be due by \($0) (the channel's \(body.channel.typicalWorkingDays) working days). ")
        } ?? ""
        if let wait = acceptanceWait, let median = wait.medianWorkingDays {
            let days = median.formatted(.number.precision(.fractionLength(0...1)))
            words += page.t("近 365 天受理的 \(wait.accepted) 件申请中，半数在提交后 \(days) 个工作日内受理。",
                            "Of the \(wait.accepted) requests accepted in the last 365 days, half were accepted within \(days) working days of submission.")
        } else {
            words += page.t("近 365 天受理的申请太少，尚无受理用时的统计。", "Too few requests were accepted in the last 365 days to say how long acceptance usually takes.")
        }
        return words
    }

    private func channel(_ page: PageContext) -> Node<HTML.BodyContext> {
        .section(.class("channel"), .h2(.text(page.t("核验渠道", "How to check it"))), ChannelParts.facts(body.channel, measured: measured, page))
    }

    private func attachments(_ page: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text(page.t("附件", "Attachments"))),
            .if(request.attachments.isEmpty, .p(.class("meta"), .text(request.erasure == nil ? page.t("无。", "None.") : erased(page)))),
            .ul(.forEach(request.attachments) { attachment in
                .li(.a(.href(SiteURL.attachment(request.id, attachment.id).path), .text(attachment.fileName)),
                    .text(" · \(attachment.kind.rawValue.uppercased()) · \(attachment.size) bytes · SHA-256 "), .code(.text(String(attachment.sha256.prefix(16)) + "…")))
            }),
            .if(!isStaff && !request.status.isFinal && request.attachments.count < AttachmentKind.maxPerRequest, .form(
                .action(SiteURL.requestAttachments(request.id).path), .method(.post),
                .attribute(named: "enctype", value: "multipart/form-data"), Layout.csrfField(page),
                .label(.for("f-file"), .text(page.t("添加附件（PDF/PNG/JPEG，不超过10 MiB）：", "Add a file (PDF, PNG or JPEG, up to 10 MiB): "))),
                .input(.type(.file), .id("f-file"), .name("file"), .attribute(named: "accept", value: ".pdf,.png,.jpg,.jpeg")),
                .button(.type(.submit), .class("secondary"), .text(page.t("上传", "Upload")))
            ))
        )
    }

    private func actions(_ page: PageContext) -> Node<HTML.BodyContext> {
        // No button that cannot work: acceptance waits for the holder's consents (said instead).
        let open = VerificationWorkflow.actions(from: request.status).filter {
            $0.isTaken(by: viewer.role) && $0 != .submit && ($0 != .revoke || request.revocation == nil)
                && ($0 != .review || reviewOpen) && ($0 != .accept || !request.awaitsHolderConsent)
        }
        return .group(
            ConsentParts.waiting(request, viewer: viewer, mailKeptForAdministrators: mailKeptForAdministrators, page),
            .if(viewer.role == .admin && !request.status.isFinal, .p(.class("meta"), .text(page.t(
                "管理员可查看申请，受理和出具结果由核验人员办理。", "Administrators can read requests; officers accept them and record results.")))),
            .if(!open.isEmpty && (viewer.role != .admin), .group(
                .h2(.text(page.t("下一步", "Next step"))),
                .forEach(open) { action in actionForm(action, page) }
            ))
        )
    }

    private func actionForm(_ action: VerificationAction, _ page: PageContext) -> Node<HTML.BodyContext> {
        let path = SiteURL.requestAction(request.id, action.rawValue.replacingOccurrences(of: "_", with: "-")).path
        let label: String = switch action {
        case .accept: page.t("受理", "Accept")
        case .requestInfo: page.t("要求补充材料", "Ask for more information")
        case .reject: page.t("不予受理", "Reject")
        case .complete: page.t("出具结果", "Record the result")
        case .resubmit: page.t("已补充，重新提交", "Resubmit")
        case .withdraw: page.t("撤回申请", "Withdraw the request")
        case .revoke: page.t("撤销该结果", "Revoke this result")
        case .review: page.t("申请复核", "Ask for a review")
        case .reviewDecision: page.t("记录复核决定", "Record the review's decision")
        case .submit, .holderConsent, .holderDecline, .holderWithdraw, .holderErasure, .holderPublicCheck: ""
        }
        return .form(
            .class("action-form"), .action(path), .method(.post), Layout.csrfField(page),
            .if(action == .reject, .div(.class("question"),
                .label(.for("reason-\(action.rawValue)"), .text(page.t("理由", "Reason"))),
                .select(.id("reason-\(action.rawValue)"), .attribute(named: "name", value: "reason"),
                        .forEach(RejectionReason.allCases) { .choice(value: $0.rawValue, label: $0.name.text(in: page.language)) }))),
            .if(action == .revoke, .div(.class("question"),
                .label(.for("reason-\(action.rawValue)"), .text(page.t("撤销理由", "Why it is revoked"))),
                .select(.id("reason-\(action.rawValue)"), .attribute(named: "name", value: "reason"),
                        .forEach(RevocationReason.byOfficer) { .choice(value: $0.rawValue, label: $0.name.text(in: page.language)) }))),
            .if(action == .requestInfo, InfoChecklistParts.askingFields(page)),
            .if(action == .resubmit, InfoChecklistParts.answerFields(request, page)),
            .if(action == .complete, ResultParts.fields(page)),
            ReviewParts.fields(action, page),
            .div(.class("question"),
                 .label(.for("note-\(action.rawValue)"), .text(action == .reviewDecision ? page.t("复核意见（必填）", "What the review found (required)")
                                                                                     : page.t("说明（可选）", "Note (optional)"))),
                 .textarea(.id("note-\(action.rawValue)"), .name("note"), .attribute(named: "rows", value: "2"), .text(""))),
            .button(.type(.submit), .class([.withdraw, .reject, .revoke].contains(action) ? "secondary" : ""), .text(label))
        )
    }
}
