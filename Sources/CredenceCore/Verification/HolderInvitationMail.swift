import Foundation

/// The mail that brings a holder to their own page (issue 31): who asks, for which
/// qualification, the link and until when — in both languages, and nothing the holder
/// did not give (no passport number, no date of birth).
public struct HolderInvitationMail: Sendable, Equatable {
    public static let event = "holder.invitation"

    public var subject: String
    public var text: String
    public var html: String

    public init(organization: String, qualification: BilingualText, link: String, validUntil: CalendarDate) {
        subject = "请确认证书核验 / Please confirm the verification of your certificate"
        let zh = [
            "您好：",
            "\(organization)申请核验您的“\(qualification.zh)”证书的真实性。核验需要您本人同意处理您的个人信息，并同意将所需信息提供给境外发证机构。",
            "请打开以下链接，查看将核验和提供的内容，并选择同意或拒绝（链接 \(validUntil) 前有效）：",
        ]
        let en = [
            "Hello,",
            "\(organization) has asked for your \"\(qualification.en)\" certificate to be checked. The check needs your own consent to the processing of your personal data and to what is sent to the issuing body abroad.",
            "Open this link to see what will be checked and sent, and agree or decline (valid until \(validUntil)):",
        ]
        let footer = "—— 本邮件由系统发送，请勿直接回复。如非本人，请忽略。 / This message was sent automatically; please do not reply. If it is not for you, ignore it."
        text = (zh + [link, ""] + en + [link, "", footer]).joined(separator: "\n")
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "\"", with: "&quot;")
        }
        html = """
            <!doctype html><html><body>
            <div lang="zh">\(zh.map { "<p>\(escape($0))</p>" }.joined())<p><a href="\(escape(link))">\(escape(link))</a></p></div>
            <hr><div lang="en">\(en.map { "<p>\(escape($0))</p>" }.joined())<p><a href="\(escape(link))">\(escape(link))</a></p></div>
            <p>\(escape(footer))</p></body></html>
            """
    }
}
