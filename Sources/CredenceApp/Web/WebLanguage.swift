import CredenceCore
import Hummingbird

typealias Lang = CredenceCore.Language

extension Lang {
    /// The language a page is shown in: the visitor's choice (the `lang` cookie set by the
    /// switch), else the first of zh/en in `Accept-Language`, else Chinese, the notice's own.
    static func of(_ request: Request) -> Lang {
        if let cookie = request.cookies[Cookies.language]?.value, let chosen = Lang(rawValue: cookie) {
            return chosen
        }
        for part in (request.headers[.acceptLanguage] ?? "").split(separator: ",") {
            let tag = part.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            if tag.hasPrefix("zh") { return .zh }
            if tag.hasPrefix("en") { return .en }
        }
        return .zh
    }

    var other: Lang { self == .zh ? .en : .zh }

    /// The language's own name, for the switch.
    var ownName: String { self == .zh ? "中文" : "English" }
}
