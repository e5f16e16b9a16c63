import Foundation

/// 复核 (issue 33): within `ReviewPolicy.days` of a result its employer may ask, once, for
/// the result to be reviewed; an officer other than the one who recorded it decides —
/// upheld, or changed to a new outcome (the old credential is then revoked as `superseded`).
public struct ResultReview: Sendable, Equatable {
    public var requestedAt: Date
    public var reason: String
    public var note: String?
    public var decision: ReviewDecision?
    public var decidedAt: Date?
    public var decisionNote: String?
    /// The outcome the review was asked about (the outcome before a change).
    public var outcomeReviewed: VerificationOutcome?

    public init(requestedAt: Date, reason: String, note: String?, decision: ReviewDecision?, decidedAt: Date?,
                decisionNote: String?, outcomeReviewed: VerificationOutcome?) {
        self.requestedAt = requestedAt
        self.reason = reason
        self.note = note
        self.decision = decision
        self.decidedAt = decidedAt
        self.decisionNote = decisionNote
        self.outcomeReviewed = outcomeReviewed
    }
}

public enum ReviewDecision: String, CaseIterable, Sendable, Codable {
    case upheld
    case changed

    public var name: BilingualText {
        switch self {
        case .upheld: BilingualText(zh: "维持原结果", en: "Result upheld")
        case .changed: BilingualText(zh: "变更结果", en: "Result changed")
        }
    }
}

/// How long after a result a review may be asked (`CREDENCE_REVIEW_DAYS`, default 30,
/// calendar days counted from the result's day in China).
public struct ReviewPolicy: Sendable, Equatable {
    public static let defaultDays = 30
    public var days: Int

    public init(days: Int = ReviewPolicy.defaultDays) {
        self.days = days
    }

    /// Reads `CREDENCE_REVIEW_DAYS` (0–365); throws a message naming it.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(InvalidInput) -> ReviewPolicy {
        ReviewPolicy(days: try DaysSetting.read("CREDENCE_REVIEW_DAYS", in: 0...365, default: defaultDays, environment))
    }

    /// The last day a review of a result given on `resultDay` may be asked.
    public func lastDay(after resultDay: CalendarDate) -> CalendarDate { resultDay.addingDays(days) }

    /// Whether a review of a result given on `resultDay` may be asked on `today`, or why not.
    public func check(resultDay: CalendarDate, alreadyReviewed: Bool, revoked: Bool, today: CalendarDate) throws(ReviewRefusal) {
        if alreadyReviewed { throw .alreadyReviewed }
        if revoked { throw .revoked }
        let last = lastDay(after: resultDay)
        if today > last { throw .outOfPeriod(days: days, lastDay: last) }
    }

    /// Whether the request's page offers its employer a review on `today`.
    public func isOpen(for request: VerificationRequest, today: CalendarDate) -> Bool {
        guard request.status == .completed, let resultDay = request.resultDay else { return false }
        return (try? check(resultDay: resultDay, alreadyReviewed: request.review != nil, revoked: request.revocation != nil, today: today)) != nil
    }
}

/// Why a review cannot be asked or decided (409).
public enum ReviewRefusal: Error, Sendable, Equatable {
    case outOfPeriod(days: Int, lastDay: CalendarDate)
    case alreadyReviewed
    case revoked
    /// The officer who recorded the result may not decide its review.
    case sameOfficer

    public var message: BilingualText {
        switch self {
        case .outOfPeriod(let days, let lastDay):
            BilingualText(zh: "复核须在结果出具后\(days)日内申请（最后一日为 \(lastDay)），已超过期限。",
                          en: "A review must be asked within \(days) days of the result (the last day was \(lastDay)); that period has passed.")
        case .alreadyReviewed:
            BilingualText(zh: "该结果已申请过复核；每个结果只能复核一次。", en: "This result was reviewed already; a result is reviewed once.")
        case .revoked:
            BilingualText(zh: "该结果已被撤销，不能申请复核。", en: "This result was revoked; a revoked result cannot be reviewed.")
        case .sameOfficer:
            BilingualText(zh: "复核须由出具原结果以外的核验人员决定。", en: "A review is decided by an officer other than the one who recorded the result.")
        }
    }

    public var code: String {
        switch self {
        case .outOfPeriod: "review_period_over"
        case .alreadyReviewed: "already_reviewed"
        case .revoked: "already_revoked"
        case .sameOfficer: "same_officer"
        }
    }
}
