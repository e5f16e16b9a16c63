import Foundation

/// How far a channel's address can be trusted: the levels of the channel registry's data
/// file, and `confirmed` once an administrator has checked it.
public enum ChannelConfidence: String, CaseIterable, Sendable, Codable {
    case official
    case officialPageThirdPartyURL = "official-page-third-party-url"
    case thirdPartyFile = "third-party-file"
    case urlPatternFromAHolderLink = "url-pattern-from-a-holder-link"
    case noneFound = "none-found"
    case confirmed

    /// The level in words, as the data file defines it.
    public var name: BilingualText {
        switch self {
        case .official:
            BilingualText(zh: "见于发证机构官网", en: "Seen on the body's own site")
        case .officialPageThirdPartyURL:
            BilingualText(zh: "机构官网说明此名册；具体网址来自第三方文件", en: "The body's site describes it; the exact address comes from a third-party file")
        case .thirdPartyFile:
            BilingualText(zh: "仅见于第三方文件，未在机构官网确认", en: "Seen only in third-party files, not confirmed on the body's site")
        case .urlPatternFromAHolderLink:
            BilingualText(zh: "链接格式：须由持证人提供其本人的链接", en: "A link pattern: the holder must supply their own link")
        case .noneFound:
            BilingualText(zh: "未找到公开渠道或查询说明：向发证机构书面查询", en: "No public channel or documented request found: write to the body")
        case .confirmed:
            BilingualText(zh: "经管理员确认", en: "Confirmed by an administrator")
        }
    }
}

/// A page or file that shows what a channel is for, with the sentence that shows it.
public struct ChannelEvidence: Sendable, Codable, Equatable {
    /// The page's address, or where a file was seen.
    public var source: String
    public var quote: String
    /// As the routes' data file marks it (issue 43): true for the notice itself or a
    /// government site (or the issuing office's own), false for any other page; nil where
    /// the data does not say (channels' evidence).
    public var official: Bool?

    public init(source: String, quote: String, official: Bool? = nil) {
        self.source = source
        self.quote = quote
        self.official = official
    }
}

extension [ChannelEvidence] {
    /// Official sources first, then the others, each in the data's order.
    public var officialFirst: [ChannelEvidence] {
        filter { $0.official != false } + filter { $0.official == false }
    }
}

/// Who confirmed or corrected a channel, when, and against what.
public struct ChannelConfirmation: Sendable, Codable, Equatable {
    /// The administrator's name.
    public var by: String
    /// The day they checked, `YYYY-MM-DD`.
    public var on: String
    public var source: String

    public init(by: String, on: String, source: String) {
        self.by = by
        self.on = on
        self.source = source
    }

    /// "Confirmed by <name> on <date>".
    public var sentence: BilingualText {
        BilingualText(zh: "由\(by)于\(on)确认", en: "Confirmed by \(by) on \(on)")
    }
}
