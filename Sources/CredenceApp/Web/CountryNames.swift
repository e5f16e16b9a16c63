import CredenceCore
import Foundation
import Plot

/// Nationality as people pick it: every ISO 3166-1 code named in the page's language by
/// ICU (through Foundation), sorted for that language (pinyin order in Chinese), the value
/// still the code. Hong Kong, Macao and Taiwan are named as the notice and Chinese official
/// documents name them, not by ICU's short names.
enum CountryNames {
    static let official: [String: BilingualText] = [
        "HK": BilingualText(zh: "中国香港", en: "Hong Kong, China"),
        "MO": BilingualText(zh: "中国澳门", en: "Macao, China"),
        "TW": BilingualText(zh: "中国台湾", en: "Taiwan, China"),
    ]

    static func name(_ code: String, _ language: Lang) -> String {
        if let name = official[code] { return name.text(in: language) }
        return Locale(identifier: language == .zh ? "zh-Hans" : "en").localizedString(forRegionCode: code) ?? code
    }

    /// (code, name) for every code, sorted by name in `language`; computed once per language.
    static func sorted(_ language: Lang) -> [(code: String, name: String)] { language == .zh ? chinese : english }

    private static let chinese = ordered(.zh)
    private static let english = ordered(.en)

    private static func ordered(_ language: Lang) -> [(code: String, name: String)] {
        let locale = Locale(identifier: language == .zh ? "zh-Hans" : "en")
        return CountryCode.all.map { ($0, name($0, language)) }.sorted { $0.name.compare($1.name, locale: locale) == .orderedAscending }
    }

    /// A `<select>` of every country, the current value chosen.
    static func picker(name: String, id: String, value: String, label: BilingualText, error: BilingualText?, _ page: PageContext)
        -> Node<HTML.FormContext>
    {
        let current = value.uppercased()
        let options: Node<HTML.SelectContext> = .group(
            .choice(value: "", label: page.t("请选择", "Choose one")),
            .forEach(sorted(page.language)) { .choice(value: $0.code, label: "\($0.name) (\($0.code))", selected: $0.code == current) })
        return .div(
            .class(error == nil ? "question" : "question invalid"),
            .label(.for(id), .text(label.text(in: page.language))),
            .unwrap(error) { .p(.class("field-error"), .id(id + "-error"), .text($0.text(in: page.language))) },
            .select(.id(id), .attribute(named: "name", value: name), options))
    }
}
