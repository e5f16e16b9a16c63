import Foundation

/// 办理时限, published (issue 17): for each issuing body and overall, over a period — how
/// many requests were completed, the median working days from acceptance to result, the
/// share completed by the date estimated at acceptance, the share that could not be
/// verified, the channel's stated typical days, and the employers' average rating (好差评).
public struct ServiceStandards: Sendable, Equatable {
    public struct Figures: Sendable, Equatable {
        /// An issuing body's id; nil for the overall figures.
        public var issuingBodyId: String?
        public var name: BilingualText
        public var completed: Int
        public var medianWorkingDays: Double?
        public var shareByEstimate: Double?
        public var shareUnableToVerify: Double?
        /// What the channel says it takes (nil overall).
        public var statedTypicalDays: Int?
        public var averageRating: Double?
        public var ratings: Int
        /// 复核 (issue 33): reviews asked in the period, and of those decided, how many changed the result.
        public var reviewsAsked = 0
        public var reviewsChanged = 0
    }

    /// Reviews asked and changed, by body.
    public struct ReviewSum: Sendable, Equatable {
        public var issuingBodyId: String
        public var asked: Int
        public var changed: Int

        public init(issuingBodyId: String, asked: Int, changed: Int) {
            self.issuingBodyId = issuingBodyId
            self.asked = asked
            self.changed = changed
        }
    }

    /// Completions aggregated by body and working days taken (what SQL hands over).
    public struct Bucket: Sendable, Equatable {
        public var issuingBodyId: String
        public var workingDays: Int
        public var completed: Int
        public var byEstimate: Int
        public var unableToVerify: Int

        public init(issuingBodyId: String, workingDays: Int, completed: Int, byEstimate: Int, unableToVerify: Int) {
            self.issuingBodyId = issuingBodyId
            self.workingDays = workingDays
            self.completed = completed
            self.byEstimate = byEstimate
            self.unableToVerify = unableToVerify
        }
    }

    /// Ratings aggregated by body.
    public struct RatingSum: Sendable, Equatable {
        public var issuingBodyId: String
        public var total: Int
        public var count: Int

        public init(issuingBodyId: String, total: Int, count: Int) {
            self.issuingBodyId = issuingBodyId
            self.total = total
            self.count = count
        }
    }

    /// The period: the 365 days ending on `to`.
    public var from: CalendarDate
    public var to: CalendarDate
    public var overall: Figures
    public var issuingBodies: [Figures]

    public static let periodDays = 365

    /// The first day counted when the period ends `today`.
    public static func firstDay(endingOn today: CalendarDate) -> CalendarDate { today.addingDays(-(periodDays - 1)) }

    public init(endingOn today: CalendarDate, bodies: [IssuingBody], buckets: [Bucket], ratings: [RatingSum], reviews: [ReviewSum] = []) {
        from = Self.firstDay(endingOn: today)
        to = today
        overall = Self.figures(nil, BilingualText(zh: "全部发证机构", en: "All issuing bodies"), stated: nil, buckets, ratings)
        overall.reviewsAsked = reviews.reduce(0) { $0 + $1.asked }
        overall.reviewsChanged = reviews.reduce(0) { $0 + $1.changed }
        issuingBodies = bodies.map { body in
            var figures = Self.figures(body.id, body.name, stated: body.channel.typicalWorkingDays,
                                       buckets.filter { $0.issuingBodyId == body.id }, ratings.filter { $0.issuingBodyId == body.id })
            let own = reviews.filter { $0.issuingBodyId == body.id }
            figures.reviewsAsked = own.reduce(0) { $0 + $1.asked }
            figures.reviewsChanged = own.reduce(0) { $0 + $1.changed }
            return figures
        }
    }

    static func figures(_ id: String?, _ name: BilingualText, stated: Int?, _ buckets: [Bucket], _ ratings: [RatingSum]) -> Figures {
        let completed = buckets.reduce(0) { $0 + $1.completed }
        let rated = ratings.reduce(0) { $0 + $1.count }
        func share(_ count: Int) -> Double? { completed == 0 ? nil : Double(count) / Double(completed) }
        return Figures(issuingBodyId: id, name: name, completed: completed, medianWorkingDays: median(buckets),
                       shareByEstimate: share(buckets.reduce(0) { $0 + $1.byEstimate }),
                       shareUnableToVerify: share(buckets.reduce(0) { $0 + $1.unableToVerify }), statedTypicalDays: stated,
                       averageRating: rated == 0 ? nil : Double(ratings.reduce(0) { $0 + $1.total }) / Double(rated), ratings: rated)
    }

    /// The median of a histogram of working days: the middle value, or the mean of the two.
    public static func median(_ buckets: [Bucket]) -> Double? {
        var counts: [Int: Int] = [:]
        for bucket in buckets { counts[bucket.workingDays, default: 0] += bucket.completed }
        return median(counts: counts)
    }

    /// The median of a histogram (value → how many times it was seen).
    public static func median(counts: [Int: Int]) -> Double? {
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return nil }
        func value(at position: Int) -> Int {  // 1-based position in the sorted values
            var seen = 0
            for days in counts.keys.sorted() {
                seen += counts[days]!
                if seen >= position { return days }
            }
            return counts.keys.max()!
        }
        return Double(value(at: (total + 1) / 2) + value(at: (total + 2) / 2)) / 2
    }
}

extension HolidayCalendar {
    /// Working days after `from` up to and including `to` (0 when `to` is not later).
    public func workingDays(from: CalendarDate, to: CalendarDate) -> Int {
        var count = 0
        var day = from.addingDays(1)
        while day <= to {
            if isWorkingDay(day) { count += 1 }
            day = day.addingDays(1)
        }
        return count
    }
}
