import CredenceCore
import Foundation
import Plot

/// A completed result on one A4 page: the authority, the entry, the holder (masked), the
/// outcome and dates, annex 2 (4)'s disclaimer, the verification code and a QR code that
/// opens the public check — Chinese and English side by side, printed from the browser.
struct CertificatePage {
    var request: VerificationRequest
    var entryName: BilingualText
    var issuer: CredentialIssuer

    func render(_ page: PageContext) -> HTML {
        let outcome = request.outcome ?? .unableToVerify
        let completed = request.completedAt.map { CalendarDate.today(at: $0).description } ?? "—"
        return Layout.page(page, title: page.t("核验结果", "Verification result"), content: .group(
            .p(.class("print-hint"), .text(page.t("用浏览器的“打印”即可打印本页（A4）。", "Print this page from the browser (A4)."))),
            .if(!issuer.publicURLConfigured, .p(.class("print-hint settle"), .text(page.t(
                "注意：本安装未设置公开地址（CREDENCE_PUBLIC_URL），二维码和链接指向这台机器，他人无法打开。",
                "Note: this installation's public address (CREDENCE_PUBLIC_URL) is not set, so the QR code and link point to this machine, which others cannot open.")))),
            .article(
                .class("certificate"),
                .h1(.text("境外职业资格证书核验结果 · Foreign Qualification Verification Result")),
                .p(.class("authority"), .text("\(issuer.name.zh) · \(issuer.name.en)")),
                .unwrap(request.revocation) { revocation in
                    .p(.class("revoked"), .text("已撤销 REVOKED · \(CalendarDate.today(at: revocation.at).description) · "
                                                + "\(revocation.reason.name.zh) / \(revocation.reason.name.en)"))
                },
                .table(
                    .class("bilingual"),
                    row("资格 Qualification", entryName.zh, entryName.en),
                    row("结果 Outcome", outcome.name.zh, outcome.name.en),
                    .tr(.th(.text("持证人 Holder")), .td(.attribute(named: "colspan", value: "2"), .text(Masking.name(request.holderName)))),
                    .tr(.th(.text("证书编号 Certificate No.")), .td(.attribute(named: "colspan", value: "2"), .text(request.certificateNumber))),
                    .tr(.th(.text("目录版本 Edition")), .td(.attribute(named: "colspan", value: "2"), .text(request.edition))),
                    .tr(.th(.text("申请日期 Requested")), .td(.attribute(named: "colspan", value: "2"),
                                                            .text(CalendarDate.today(at: request.createdAt).description))),
                    .tr(.th(.text("完成日期 Completed")), .td(.attribute(named: "colspan", value: "2"), .text(completed))),
                    .unwrap(request.certificateNote) { note in row("证书有效期 Certificate validity", note.zh, note.en) }
                ),
                .div(
                    .class("seal"),
                    .unwrap(request.verificationCode.flatMap(qrCode)) { .raw($0) },
                    .div(
                        .unwrap(request.verificationCode) { code in
                            .group(
                                .p(.text("查验码 Verification code: "), .strong(.code(.text(code)))),
                                .p(.text("扫码或访问 Scan or visit: "), .code(.text(issuer.verifyURL(code: code))))
                            )
                        },
                        .p(.text("签发方 Issuer: "), .code(.text(issuer.did.did)))
                    )
                ),
                .div(.class("disclaimer"),
                     .p(.attribute(named: "lang", value: "zh"), .text(Disclaimer.text.zh)),
                     .p(.attribute(named: "lang", value: "en"), .text(Disclaimer.text.en)))
            )
        ))
    }

    private func row(_ label: String, _ zh: String, _ en: String) -> Node<HTML.TableContext> {
        .tr(.th(.text(label)), .td(.attribute(named: "lang", value: "zh"), .text(zh)), .td(.attribute(named: "lang", value: "en"), .text(en)))
    }

    private func qrCode(_ code: String) -> String? {
        let url = issuer.verifyURL(code: code)
        return try? QRCode(url).svg(title: url)
    }
}
