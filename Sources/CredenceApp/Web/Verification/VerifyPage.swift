import CredenceCore
import Foundation
import Plot

/// `/verify`: anyone checks an authentic result's code.
struct VerifyPage {
    var code: String?
    var check: PublicCheck?
    var entryName: BilingualText?
    /// A credential's verdict, when one was pasted or uploaded.
    var verdict: CredentialVerdict?
    var credentialError: BilingualText?
    /// What the result says of the certificate's dates, as of today (issue 33).
    var certificateNote: BilingualText? = nil
    /// Who runs this installation and whether it takes requests.
    var installation: Installation

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("核对核验结果", "Check a verification result"), content: .group(
            .h1(.text(page.t("核对核验结果", "Check a verification result"))),
            .if(installation.verification == .external, PlatformParts.notice(installation: installation, page)),
            .form(
                .class("search"), .action("/verify"), .method(.get),
                .label(.for("code"), .text(page.t("查验码", "Verification code"))),
                .div(.input(.type(.text), .id("code"), .name("code"), .value((code ?? "").attributeEscaped),
                            .placeholder("TJ-XXXXX-XXXXX")),
                     .button(.type(.submit), .text(page.t("核对", "Check"))))
            ),
            .unwrap(code) { code in
                .unwrap(check, { check in
                    check.active ? codeResult(check, page)
                        : .div(.class("settle"), .id("inactive"), .p(.text(PublicCheckPolicy.inactive.text(in: page.language))))
                },
                        else: .p(.class("field-error"), .text(page.t("没有查验码为“\(code)”的真实结果。", "No authentic result has the code “\(code)”."))))
            },
            .h2(.text(page.t("或核对可验证凭证文件", "Or check a verifiable credential file"))),
            .form(
                .class("action-form"), .action("/verify/credential"), .method(.post),
                .attribute(named: "enctype", value: "multipart/form-data"), Layout.csrfField(page),
                .unwrap(credentialError) { .p(.class("field-error"), .text($0.text(in: page.language))) },
                .div(.class("question"),
                     .label(.for("credential-file"), .text(page.t("凭证文件（JSON，不超过 1 MiB）", "Credential file (JSON, up to 1 MiB)"))),
                     .input(.type(.file), .id("credential-file"), .name("file"), .attribute(named: "accept", value: ".json,application/json"))),
                .div(.class("question"),
                     .label(.for("credential"), .text(page.t("或粘贴凭证内容", "Or paste its content"))),
                     .textarea(.id("credential"), .name("credential"), .attribute(named: "rows", value: "4"), .text(""))),
                .button(.type(.submit), .text(page.t("核对凭证", "Check the credential")))
            ),
            .unwrap(verdict) { verdict in
                .div(.class(verdict.verified ? "result" : "error-summary"), .id("verdict"),
                     .h2(.text(verdict.verified ? page.t("凭证有效", "The credential is valid") : page.t("凭证未通过核对", "The credential did not pass"))),
                     .ul(.class("checks"), .forEach(verdict.checks) { check in
                         .li(.class(check.result.rawValue),
                             .strong(.text(label(check.check, page) + page.t("：", ": ") + result(check.result, page))), .text(" " + check.message.text(in: page.language)))
                     }))
            }
        ))
    }

    private func codeResult(_ check: PublicCheck, _ page: PageContext) -> Node<HTML.BodyContext> {
        .div(.class(check.revocation == nil ? "result" : "error-summary"),
             .unwrap(check.revocation, { revocation in
                 .h2(.text(page.t("已撤销", "Revoked") + " · " + CalendarDate.today(at: revocation.at).description + " · "
                           + revocation.reason.name.text(in: page.language)))
             }, else: .h2(.text(check.certificateStatus == .expired
                ? page.t("证书真实，但已于 \(check.expiresOn ?? "") 过期", "Authentic, but expired on \(check.expiresOn ?? "")")
                : page.t("证书真实", "Authentic")))),
             .dl(
                .dt(.text(page.t("查验码", "Code"))), .dd(.code(.text(check.code))),
                .dt(.text(page.t("资格", "Qualification"))), .dd(.text(entryName?.text(in: page.language) ?? check.entryId)),
                .dt(.text(page.t("持证人", "Holder"))), .dd(.text(check.holderNameMasked)),
                .dt(.text(page.t("完成日期", "Completed on"))), .dd(.text(check.completedOn)),
                .dt(.text(page.t("目录版本", "Catalog edition"))), .dd(.text(check.edition)),
                .dt(.text(page.t("证书有效期", "Certificate validity"))),
                .dd(.text(certificateNote?.text(in: page.language) ?? CertificateStatus.noExpiryGiven.name.text(in: page.language)))
             ),
             .p(.class("note"), .text(Disclaimer.text.text(in: page.language) + " "),
                .a(.href(SiteURL.notice(anchor: "附件2-四").path), .text(page.t("通知附件2第四条", "The notice, annex 2 (4)")))))
    }

    private func label(_ kind: CredentialCheck.Kind, _ page: PageContext) -> String {
        switch kind {
        case .format: page.t("格式", "Format")
        case .signature: page.t("签名", "Signature")
        case .issuer: page.t("签发方与密钥", "Issuer and key")
        case .status: page.t("撤销状态", "Revocation status")
        case .validity: page.t("有效期", "Validity dates")
        }
    }

    private func result(_ result: CredentialCheck.Result, _ page: PageContext) -> String {
        switch result {
        case .pass: page.t("通过", "pass")
        case .fail: page.t("未通过", "fail")
        case .notApplicable: page.t("不适用", "not applicable")
        }
    }
}
