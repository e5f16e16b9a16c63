/// The catalog file's notes on what Credence added to an entry (`supplementary`), which the
/// file writes in English, said in Chinese on Chinese pages (issue 43). A note not listed
/// here is shown as written.
enum SupplementaryNotes {
    static let fieldNames: [String: String] = [
        "name.en": "英文名称", "abbreviations": "缩写", "keywords": "搜索词", "issuer.en": "发证机构英文名称",
    ]

    static let chinese: [String: String] = [
        "Credence translation (the notice prints no English name)": "本系统翻译（通知未印英文名称）",
        "Credence translation (the notice prints no English name); \"Fellow\" is printed": "本系统翻译（通知未印英文名称）；“Fellow”为通知原文",
        "Credence translation (the notice prints no English name); \"Senior Member\" is printed": "本系统翻译（通知未印英文名称）；“Senior Member”为通知原文",
        "abbreviation in common use by the issuing body for this qualification (the notice prints none)": "发证机构对该资格的常用缩写（通知未印缩写）",
        "printed in the notice's name cell": "见于通知的名称栏",
        "search terms in common use for this qualification or its body; used by search only": "该资格或其发证机构的常用搜索词，仅用于搜索",
        "the issuing body's official English name (the notice prints none)": "发证机构的官方英文名称（通知未印）",
        "printed in the notice; line breaks joined, full-width parentheses written as ASCII": "见于通知；换行已合并，全角括号改为半角",
        "CPA is the designation the Hong Kong Institute of CPAs gives its members; HKICPA is the institute": "CPA 是香港会计师公会授予会员的称号；HKICPA 是该公会",
        "CPA printed in the notice; FCPA is CPA Australia's designation for its fellows (资深注册会计师)": "CPA 见于通知；FCPA 是澳洲会计师公会授予资深会员（资深注册会计师）的称号",
        "IPA printed in the notice; MIPA and FIPA are the institute's designations for members and fellows (公共及资深会计师)": "IPA 见于通知；MIPA 和 FIPA 是该协会授予会员和资深会员（公共及资深会计师）的称号",
        "USCPA printed in the notice's name cell; CPA is the designation the AICPA uses": "USCPA 见于通知的名称栏；CPA 是美国注册会计师协会使用的称号",
    ]

    static func text(_ key: String, _ note: String, _ language: Lang) -> String {
        guard language == .zh else { return key + ": " + note }
        return (fieldNames[key] ?? key) + "：" + (chinese[note] ?? note)
    }
}
