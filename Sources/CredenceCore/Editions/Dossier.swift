import Foundation

/// An entry's review dossier (issue 34): what Credence itself knows about the entry month
/// by month over the last 24, its channel's standing, and the review notes people made
/// tracking it (四: 发证情况、会员水平、从业能力).
public struct EntryDossier: Sendable, Equatable {
    public static let months = 24

    public var entryId: String
    /// Oldest first, every month of the period, empty ones included.
    public var months: [DossierMonth]
    public var channelConfidence: ChannelConfidence
    /// The day an administrator last confirmed the channel, if ever.
    public var channelConfirmedOn: String?
    /// Newest first.
    public var notes: [ReviewNote]

    public init(entryId: String, months: [DossierMonth], channelConfidence: ChannelConfidence, channelConfirmedOn: String?, notes: [ReviewNote]) {
        self.entryId = entryId
        self.months = months
        self.channelConfidence = channelConfidence
        self.channelConfirmedOn = channelConfirmedOn
        self.notes = notes
    }

    /// The day of the newest note: when the entry was last reviewed.
    public var lastReviewedOn: CalendarDate? {
        notes.first.map { CalendarDate.today(at: $0.at) }
    }

    /// The `YYYY-MM` months of the period ending with `today`'s month, oldest first.
    public static func period(endingOn today: CalendarDate) -> [String] {
        (0..<months).reversed().map { back in
            let total = today.year * 12 + (today.month - 1) - back
            let month = total % 12 + 1
            return "\(total / 12)-" + (month < 10 ? "0\(month)" : "\(month)")
        }
    }
}

public struct DossierMonth: Sendable, Equatable {
    public var month: String
    public var requests = 0
    public var authentic = 0
    public var notAuthentic = 0
    public var unableToVerify = 0
    /// Authentic results whose certificate had expired on the result's day (issue 33).
    public var expired = 0
    /// From acceptance to the result, working days by the holiday calendar.
    public var medianWorkingDays: Double?
    public var reviewsAsked = 0
    public var reviewsChanged = 0
    public var ratings = 0
    public var averageRating: Double?
    /// Catalog alerts sent about the entry (its retirement or change reaching employers).
    public var alertsSent = 0

    public init(month: String) { self.month = month }
}

/// What a review note is about: the three things section 四 tracks (the same as the reasons
/// an entry leaves the catalog), or something else.
public typealias ReviewNoteKind = RetirementReason

/// A dated note by a signed-in administrator or reviewer; kept forever.
public struct ReviewNote: Sendable, Equatable {
    public var id: UUID
    public var entryId: String
    public var kind: ReviewNoteKind
    public var text: String
    public var source: String?
    public var by: String
    public var at: Date

    public init(id: UUID, entryId: String, kind: ReviewNoteKind, text: String, source: String?, by: String, at: Date) {
        self.id = id
        self.entryId = entryId
        self.kind = kind
        self.text = text
        self.source = source
        self.by = by
        self.at = at
    }

    /// What is wrong with a note as typed, each problem naming its field.
    public static func problems(text: String, source: String?) -> [InputError] {
        var problems: [InputError] = []
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || text.schemaLength > 4000 {
            problems.append(InputError("text", zh: "请填写内容（最多4000字）。", en: "Text is required, up to 4,000 characters."))
        }
        if let source, !HTTPAddress.isValid(source) || source.schemaLength > 1000 {
            problems.append(InputError("source", zh: "来源须为 http(s) 网址，或留空。", en: "Source must be an http(s) address, or left out."))
        }
        return problems
    }
}
