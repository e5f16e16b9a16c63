import CredenceCore
import Plot

/// The administrator's form for one entry (add or change), and reading it back.
enum EntryForm {
    static func render(_ entry: Entry?, action: String, button: String, _ page: PageContext) -> Node<HTML.BodyContext> {
        func value(_ text: String?) -> String { text ?? "" }
        return .form(
            .class("account-form"), .action(action), .method(.post), Layout.csrfField(page),
            TextField(name: "id", label: BilingualText(zh: "编号（各版本不变）", en: "Id (the same in every edition)")).render(page, value: value(entry?.id)),
            TextField(name: "seq", label: BilingualText(zh: "序号（留空则排在最后）", en: "No. (empty: after the last)"))
                .render(page, value: entry.map { String($0.seq) } ?? ""),
            TextField(name: "name.zh", label: BilingualText(zh: "名称（中文）", en: "Name (Chinese)")).render(page, value: value(entry?.name.zh)),
            TextField(name: "name.en", label: BilingualText(zh: "名称（英文）", en: "Name (English)")).render(page, value: value(entry?.name.en)),
            TextField(name: "abbreviations", label: BilingualText(zh: "缩写（用 | 分隔）", en: "Abbreviations (separated by |)"))
                .render(page, value: entry?.abbreviations.joined(separator: "|") ?? ""),
            TextField(name: "region.zh", label: BilingualText(zh: "国家或地区（中文，可空）", en: "Region (Chinese, may be empty)")).render(page, value: value(entry?.region?.zh)),
            TextField(name: "region.en", label: BilingualText(zh: "国家或地区（英文，可空）", en: "Region (English, may be empty)")).render(page, value: value(entry?.region?.en)),
            TextField(name: "issuer.zh", label: BilingualText(zh: "发证机构（中文）", en: "Issuing body (Chinese)")).render(page, value: value(entry?.issuer.zh)),
            TextField(name: "issuer.en", label: BilingualText(zh: "发证机构（英文）", en: "Issuing body (English)")).render(page, value: value(entry?.issuer.en)),
            TextField(name: "fields", label: BilingualText(zh: "专业领域代码（用 | 分隔）", en: "Field codes (separated by |)"),
                      hint: BilingualText(zh: ProfessionalField.allCases.map(\.rawValue).joined(separator: ", "),
                                          en: ProfessionalField.allCases.map(\.rawValue).joined(separator: ", ")))
                .render(page, value: entry?.fields.map(\.rawValue).joined(separator: "|") ?? ""),
            TextField(name: "remarks.zh", label: BilingualText(zh: "备注（中文）", en: "Remark (Chinese)")).render(page, value: value(entry?.remarks.zh)),
            TextField(name: "remarks.en", label: BilingualText(zh: "备注（英文）", en: "Remark (English)")).render(page, value: value(entry?.remarks.en)),
            TextField(name: "titleLevel", label: BilingualText(zh: "职称层级（空、intermediate 或 deputy_senior）", en: "Title level (empty, intermediate or deputy_senior)"))
                .render(page, value: value(entry?.titleLevel?.rawValue)),
            TextField(name: "minExperienceYears", label: BilingualText(zh: "最低相关工作年限（可空）", en: "Minimum years of related work (may be empty)"))
                .render(page, value: entry?.minExperienceYears.map(String.init) ?? ""),
            TextField(name: "requiresLocalRegistration", label: BilingualText(zh: "须在本市注册（true 或 false）", en: "Requires local registration (true or false)"))
                .render(page, value: entry.map { $0.requiresLocalRegistration ? "true" : "false" } ?? "false"),
            .button(.type(.submit), .text(button))
        )
    }

    /// The entry the form describes, or what is wrong with it.
    static func read(_ form: FormFields, edition: String) throws -> Entry {
        func optional(_ name: String) -> String? { form[name].trimmingCharacters(in: .whitespaces).isEmpty ? nil : form[name].trimmingCharacters(in: .whitespaces) }
        var problems: [InputError] = []
        let fields = form["fields"].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.compactMap { code -> ProfessionalField? in
            guard let field = ProfessionalField(rawValue: code) else {
                problems.append(InputError("fields", zh: "未知的专业领域代码：\(code)", en: "Unknown field code: \(code)"))
                return nil
            }
            return field
        }
        let level = optional("titleLevel").flatMap(TitleLevel.init)
        if optional("titleLevel") != nil, level == nil {
            problems.append(InputError("titleLevel", zh: "职称层级须为空、intermediate 或 deputy_senior。", en: "Title level must be empty, intermediate or deputy_senior."))
        }
        let seq = optional("seq").map { Int($0) }
        if let seq, seq == nil { problems.append(InputError("seq", zh: "序号须为整数。", en: "No. must be a whole number.")) }
        let years = optional("minExperienceYears").map { Int($0) }
        if let years, years == nil { problems.append(InputError("minExperienceYears", zh: "年限须为整数。", en: "Years must be a whole number.")) }
        guard problems.isEmpty else { throw EditionFormError(problems: problems) }
        let region: BilingualText? = optional("region.zh") == nil && optional("region.en") == nil
            ? nil : BilingualText(zh: form["region.zh"], en: form["region.en"])
        return Entry(
            id: form["id"].trimmingCharacters(in: .whitespaces), edition: edition, seq: (seq ?? 0) ?? 0,
            name: BilingualText(zh: form["name.zh"], en: form["name.en"]),
            abbreviations: form["abbreviations"].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            region: region, issuer: BilingualText(zh: form["issuer.zh"], en: form["issuer.en"]), fields: fields,
            remarks: BilingualText(zh: form["remarks.zh"], en: form["remarks.en"]), titleLevel: level,
            minExperienceYears: (years ?? nil), requiresLocalRegistration: form["requiresLocalRegistration"].lowercased() == "true")
    }
}

struct EditionFormError: Error {
    var problems: [InputError]
}
