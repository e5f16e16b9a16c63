import Foundation

/// The email an employer gets when one of its requests changes: both languages in one
/// message, Chinese first, with a link to the request.
public struct StatusChangeMail: Sendable, Equatable {
    public var subject: String
    public var text: String
    public var html: String

    /// The change as the outbox keeps it (the webhook payload's fields).
    public struct Change: Decodable, Sendable {
        public var event: String
        public var requestId: String
        public var status: String
        public var outcome: String?
        public var estimatedCompletionOn: String?
        public var revocationReason: String?
        /// On a request for information: the checklist.
        public var items: [InfoItem]?
        /// On a review's decision: upheld or changed.
        public var reviewDecision: String?
        /// On `verification_request.certificate_expiring`: the certificate's expiry.
        public var expiresOn: String?
    }

    /// `about`: which request — its holder and qualification — so the message names it.
    public init(change: Change, about: (holder: String, qualification: BilingualText)? = nil, organizationName: String?, publicURL: String) {
        let link = "\(publicURL)/requests/\(change.requestId)"
        let status = VerificationStatus(rawValue: change.status)
        var zh: [String] = [], en: [String] = []
        if let about {
            zh.append("持证人：\(about.holder)；资格：\(about.qualification.zh)")
            en.append("Holder: \(about.holder); qualification: \(about.qualification.en)")
        }
        let outcome = change.outcome.flatMap(VerificationOutcome.init)?.name ?? VerificationOutcome.unableToVerify.name
        if change.event == "verification_request.revoked" {
            let reason = change.revocationReason.flatMap(RevocationReason.init)?.name ?? RevocationReason.other.name
            zh.append("您的查验申请的核验结果已被撤销：\(reason.zh)。")
            en.append("The result of your verification request has been revoked: \(reason.en).")
        } else if change.event == ExpiryNotice.event {
            let day = change.expiresOn ?? "—"
            zh.append("经核验为真实的证书将于 \(day) 到期。如持证人已续期，可在申请页面发起重新核验。")
            en.append("The certificate verified as authentic expires on \(day). If the holder has renewed it, start a re-check from the request's page.")
        } else if change.event == "verification_request.review_decided" {
            if change.reviewDecision == ReviewDecision.changed.rawValue {
                zh.append("复核决定：变更结果。新的结果：\(outcome.zh)；原结果的凭证已撤销（已由新结果取代）。")
                en.append("Review decided: the result was changed. New outcome: \(outcome.en); the old result's credential is revoked (superseded).")
            } else {
                zh.append("复核决定：维持原结果（\(outcome.zh)）。复核意见见申请页面。")
                en.append("Review decided: the result (\(outcome.en)) was upheld. The officer's note is on the request's page.")
            }
        } else {
            switch status {
            case .accepted?:
                zh.append("您的查验申请已受理，预计完成日期：\(change.estimatedCompletionOn ?? "—")（按工作日计）。")
                en.append("Your verification request was accepted. Estimated completion: \(change.estimatedCompletionOn ?? "—") (working days).")
            case .needsInfo?:
                zh.append("核验人员需要补充以下材料，请逐项补充后重新提交：")
                en.append("The officer needs the following; answer each item, then resubmit:")
                for (number, item) in (change.items ?? []).enumerated() {
                    zh.append("\(number + 1). \(item.code.name.zh)\(item.note.map { "：\($0)" } ?? "")")
                    en.append("\(number + 1). \(item.code.name.en)\(item.note.map { ": \($0)" } ?? "")")
                }
            case .rejected?:
                zh.append("您的查验申请不予受理，理由见申请页面。")
                en.append("Your verification request was rejected; the reason is on the request's page.")
            case .underReview?:
                zh.append("已收到复核申请，将由出具原结果以外的核验人员决定。")
                en.append("The review was asked; an officer other than the one who recorded the result will decide it.")
            case .completed?:
                zh.append("核验已完成，结果：\(outcome.zh)。")
                en.append("The verification is complete. Outcome: \(outcome.en).")
            case .withdrawn?:
                zh.append("查验申请已撤回。")
                en.append("The verification request was withdrawn.")
            case .submitted?, nil:
                zh.append("查验申请已提交。")
                en.append("The verification request was submitted.")
            }
        }
        let name = status?.name ?? BilingualText(zh: change.status, en: change.status)
        subject = switch change.event {
        case "verification_request.revoked": "核验结果已撤销 / Result revoked"
        case ExpiryNotice.event: "证书即将到期 / Certificate expiring"
        case "verification_request.review_decided": "复核决定 / Review decided"
        default: "查验申请：\(name.zh) / Verification request: \(name.en)"
        }
        let greeting = organizationName.map { "\($0)：" } ?? ""
        text = """
            \(greeting)
            \(zh.joined(separator: "\n"))
            查看申请：\(link)

            \(en.joined(separator: "\n"))
            View the request: \(link)

            —— 本邮件由系统发送，请勿直接回复。 / This message was sent automatically; please do not reply.
            """
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        html = """
            <!doctype html><html><body>
            <div lang="zh"><p>\(escape(greeting))</p>\(zh.map { "<p>\(escape($0))</p>" }.joined())<p><a href="\(escape(link))">查看申请</a></p></div>
            <hr><div lang="en">\(en.map { "<p>\(escape($0))</p>" }.joined())<p><a href="\(escape(link))">View the request</a></p></div>
            </body></html>
            """
    }
}
