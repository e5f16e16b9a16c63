import Foundation

/// Figures for dynamic management (notice, section 四: 跟踪发证情况、从业能力): per entry,
/// per issuing body and per month — requests, outcomes, median days to a result, and the
/// share that could not be verified.
public struct VerificationStatistics: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var key: String
        public var requests: Int
        public var authentic: Int
        public var notAuthentic: Int
        public var unableToVerify: Int
        public var completed: Int
        /// Days from submission to result, median over completed requests; nil when none.
        public var medianDaysToResult: Double?
        /// The employers' ratings (好差评) of these requests: how many, and their mean.
        public var ratings = 0
        public var averageRating: Double?

        public var unableShare: Double? { completed == 0 ? nil : Double(unableToVerify) / Double(completed) }
    }

    public var byEntry: [Row]
    public var byIssuingBody: [Row]
    public var byMonth: [Row]

    public init(byEntry: [Row], byIssuingBody: [Row], byMonth: [Row]) {
        self.byEntry = byEntry
        self.byIssuingBody = byIssuingBody
        self.byMonth = byMonth
    }

    /// One request as the figures count it.
    public struct Item: Sendable {
        var entry: String
        var body: String
        var month: String
        var outcome: VerificationOutcome?
        var days: Double?
        var rating: Int?

        public init(entry: String, body: String, month: String, outcome: VerificationOutcome?, days: Double?, rating: Int? = nil) {
            self.entry = entry
            self.body = body
            self.month = month
            self.outcome = outcome
            self.days = days
            self.rating = rating
        }
    }

    /// The figures of `items`, grouped by entry, issuing body and month.
    public init(_ items: [Item]) {
        self.init(byEntry: Self.rows(items, by: \.entry), byIssuingBody: Self.rows(items, by: \.body), byMonth: Self.rows(items, by: \.month))
    }

    static func rows(_ items: [Item], by key: (Item) -> String) -> [Row] {
        Dictionary(grouping: items, by: key).map { key, group in
            let days = group.compactMap(\.days).sorted()
            let median: Double? = days.isEmpty ? nil
                : days.count % 2 == 1 ? days[days.count / 2] : (days[days.count / 2 - 1] + days[days.count / 2]) / 2
            let ratings = group.compactMap(\.rating)
            return Row(key: key, requests: group.count, authentic: group.filter { $0.outcome == .authentic }.count,
                       notAuthentic: group.filter { $0.outcome == .notAuthentic }.count,
                       unableToVerify: group.filter { $0.outcome == .unableToVerify }.count,
                       completed: group.filter { $0.outcome != nil }.count, medianDaysToResult: median, ratings: ratings.count,
                       averageRating: ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count))
        }.sorted { $0.key < $1.key }
    }
}
