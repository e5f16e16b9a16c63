/// The two languages Credence speaks: the notice's own (Chinese) and English.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh
    case en

    /// Picks the text written for this language.
    public func pick(zh: String, en: String) -> String {
        self == .zh ? zh : en
    }
}

/// Text in both languages, as the API shows it: `{"zh": "…", "en": "…"}`.
public struct BilingualText: Hashable, Sendable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(in language: Language) -> String {
        language == .zh ? zh : en
    }
}
