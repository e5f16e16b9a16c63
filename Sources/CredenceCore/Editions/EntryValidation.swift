import Foundation

extension Entry {
    /// Checks an entry an administrator wrote (or a file row), every problem at once.
    /// `field` prefixes name where the problem is (`row 3: name.zh`).
    public func problems() -> [InputError] {
        var problems: [InputError] = []
        func problem(_ field: String, _ en: String, _ zh: String) { problems.append(InputError(field, zh: zh, en: en)) }
        let slug = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if id.isEmpty || id.schemaLength > 80 || !slug || id.hasPrefix("-") || id.hasSuffix("-") {
            problem("id", "id must be a slug: lower-case letters, digits and dashes, up to 80 characters.", "编号须为小写字母、数字和连字符。")
        }
        if seq < 1 || seq > 10_000 { problem("seq", "seq must be a whole number from 1.", "序号须为正整数。") }
        for (field, value, limit) in [("name.zh", name.zh, 200), ("name.en", name.en, 300), ("issuer.zh", issuer.zh, 200),
                                      ("issuer.en", issuer.en, 300), ("remarks.zh", remarks.zh, 2000), ("remarks.en", remarks.en, 3000)] {
            if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || value.schemaLength > limit {
                problem(field, "\(field) is required, up to \(limit) characters.", "\(field) 必填，最多\(limit)个字符。")
            }
        }
        if let region, region.zh.isEmpty || region.en.isEmpty {
            problem("region", "region must be null or have both zh and en.", "国家或地区须为空，或中英文都填写。")
        }
        if fields.isEmpty { problem("fields", "fields must list at least one field code.", "请至少选择一个专业领域。") }
        if let years = minExperienceYears, !(0...50).contains(years) {
            problem("minExperienceYears", "minExperienceYears must be null or a number of years from 0 to 50.", "最低工作年限须为空或0到50。")
        }
        // "|" joins a list in a sheet's cell, so it cannot be part of an item.
        if abbreviations.contains(where: { $0.isEmpty || $0.schemaLength > 40 || $0.contains("|") }) {
            problem("abbreviations", "abbreviations must be short non-empty strings without \"|\".", "缩写不能为空，且不含“|”。")
        }
        if keywords.contains(where: { $0.isEmpty || $0.schemaLength > 80 || $0.contains("|") }) {
            problem("keywords", "keywords must be non-empty strings of up to 80 characters without \"|\".", "关键词不能为空，最多80个字符，且不含“|”。")
        }
        return problems
    }
}
