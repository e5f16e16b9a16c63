import Foundation

/// An officer's contacts with an issuing body (issue 17), and the employer's rating of a
/// completed request (好差评).
public struct FollowUp: Sendable, Equatable {
    public enum Channel: String, CaseIterable, Sendable {
        case email, phone, letter, onlineRegister = "online_register", other

        public var name: BilingualText {
            switch self {
            case .email: BilingualText(zh: "电子邮件", en: "Email")
            case .phone: BilingualText(zh: "电话", en: "Telephone")
            case .letter: BilingualText(zh: "信函", en: "Letter")
            case .onlineRegister: BilingualText(zh: "在线名录", en: "Online register")
            case .other: BilingualText(zh: "其他", en: "Other")
            }
        }
    }

    public var on: CalendarDate
    public var channel: Channel
    /// Staff only: what was said. Employers see only that, and when, the body was contacted.
    public var note: String?
    public var officerId: UUID?

    public init(on: CalendarDate, channel: Channel, note: String?, officerId: UUID?) {
        self.on = on
        self.channel = channel
        self.note = note
        self.officerId = officerId
    }
}

public struct Rating: Sendable, Equatable {
    public var score: Int
    public var comment: String?
    public var at: Date

    public init(score: Int, comment: String?, at: Date) {
        self.score = score
        self.comment = comment
        self.at = at
    }
}
