import CredenceCore
import Foundation
import Plot

/// `/requests/new`: the form of annex 2 (一): the certificate's details, the holder's consent.
struct NewRequestPage {
    var entries: [Entry]
    var values: [String: String] = [:]
    var errors: [String: BilingualText] = [:]
    /// A refused batch file's problems, row by row.
    var batchProblems = BatchCSV.Refused(rows: [])

    static var holderName: TextField {
        TextField(name: "holder.name", label: BilingualText(zh: "持证人姓名（与证书一致）", en: "Holder's name (as on the certificate)"))
    }
    static var certificateNumber: TextField { TextField(name: "certificateNumber", label: BilingualText(zh: "证书编号", en: "Certificate number")) }
    static var holderEmail: TextField {
        TextField(name: "holder.email", label: BilingualText(zh: "持证人邮箱（可选：填写后由持证人本人确认同意，受理前须两项同意）",
                                                             en: "Holder's email (optional: the holder then consents themself; both consents come before acceptance)"),
                  type: .email)
    }

    /// The request's optional facts about the holder, or about the certificate, as inputs.
    static func facts(aboutHolder: Bool) -> [TextField] {
        VerificationDraft.Fields.optionalFacts.filter { $0.aboutHolder == aboutHolder }.map { fact in
            TextField(name: fact.field.name, label: fact.formLabel, type: fact.input == .date ? .date : .text)
        }
    }

    /// A re-check's form: the earlier request's details (erased ones stay blank; the
    /// expiry is left for the renewed certificate's).
    static func values(recheckOf earlier: VerificationRequest) -> [String: String] {
        var values = ["previousRequestId": earlier.id.uuidString.lowercased(), "entryId": earlier.entryId, "holder.name": earlier.holderName,
                      "holder.nationality": earlier.holderNationality, "certificateNumber": earlier.certificateNumber]
        for fact in VerificationDraft.Fields.optionalFacts where fact.keptOnRecheck { values[fact.field.name] = fact.value(earlier) }
        return values
    }

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("新的查验申请", "New verification request"), content: .group(
            .h1(.text(page.t("新的查验申请", "New verification request"))),
            .unwrap(values["previousRequestId"].flatMap(UUID.init(uuidString:))) { previous in
                .div(.class("note"), .p(.text(page.t("重新核验：以下内容取自", "A re-check: filled in from ")),
                                        .a(.href(SiteURL.request(previous).path), .text(page.t("原申请", "the earlier request"))),
                                        .text(page.t("。请核对并更新续期后的有效期。", ". Check them, and give the renewed certificate's expiry."))))
            },
            Banner.error(errors.isEmpty ? nil : BilingualText(zh: "申请未提交，请修改标出的内容。", en: "Nothing was submitted; please correct the marked fields."), page),
            .form(
                .class("account-form"), .action(SiteURL.requests.path), .method(.post),
                .attribute(named: "enctype", value: "multipart/form-data"),
                Layout.csrfField(page),
                .unwrap(values["previousRequestId"].flatMap { $0.isEmpty ? nil : $0 }) { .input(.type(.hidden), .name("previousRequestId"), .value($0)) },
                .unwrap(errors["previousRequestId"]) { .p(.class("field-error"), .text($0.text(in: page.language))) },
                .div(
                    .class(errors["entryId"] == nil ? "question" : "question invalid"),
                    .label(.for("f-entryId"), .text(page.t("境外职业资格", "Qualification"))),
                    .unwrap(errors["entryId"]) { .p(.class("field-error"), .text($0.text(in: page.language))) },
                    .select(
                        .id("f-entryId"), .attribute(named: "name", value: "entryId"),
                        .choice(value: "", label: page.t("请选择", "Choose one")),
                        .forEach(entries) { entry in
                            .choice(value: entry.id, label: "\(entry.seq). \(entry.name.text(in: page.language))",
                                    selected: values["entryId"] == entry.id)
                        }
                    )
                ),
                input(Self.holderName, page),
                CountryNames.picker(name: "holder.nationality", id: "f-holder.nationality", value: values["holder.nationality"] ?? "",
                                    label: BilingualText(zh: "国籍", en: "Nationality"), error: errors["holder.nationality"], page),
                .forEach(Self.facts(aboutHolder: true)) { input($0, page) },
                input(Self.certificateNumber, page),
                .forEach(Self.facts(aboutHolder: false)) { input($0, page) },
                input(Self.holderEmail, page),
                .div(.class("question"),
                     .label(.for("f-note"), .text(page.t("备注（可选）", "Note (optional)"))),
                     .textarea(.id("f-note"), .name("note"), .attribute(named: "rows", value: "3"), .text(values["note"] ?? ""))),
                .div(.class(errors["file"] == nil ? "question" : "question invalid"),
                     .label(.for("f-file"), .text(page.t("证书扫描件（可选，PDF/PNG/JPEG，不超过10 MiB）", "Scan of the certificate (optional; PDF, PNG or JPEG, up to 10 MiB)"))),
                     .unwrap(errors["file"]) { .p(.class("field-error"), .text($0.text(in: page.language))) },
                     .input(.type(.file), .id("f-file"), .name("file"), .attribute(named: "accept", value: ".pdf,.png,.jpg,.jpeg"))),
                .div(.class(errors["holderConsent"] == nil ? "question" : "question invalid"),
                     .unwrap(errors["holderConsent"]) { .p(.class("field-error"), .text($0.text(in: page.language))) },
                     .label(.class("check"), .input(.type(.checkbox), .name("holderConsent"), .value("true"), .checked(values["holderConsent"] == "true")),
                            .text(page.t(" 持证人已同意将上述个人信息用于本次查验（《个人信息保护法》）。",
                                         " The holder has agreed to this information being used for this check (Personal Information Protection Law).")))),
                .button(.type(.submit), .text(page.t("提交申请", "Submit the request")))
            ),
            BatchParts.upload(page, problems: batchProblems)
        ))
    }

    private func input(_ field: TextField, _ page: PageContext) -> Node<HTML.FormContext> {
        field.render(page, value: values[field.name] ?? "", error: errors[field.name])
    }
}
