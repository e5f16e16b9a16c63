import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// What the published service standards are computed from: completions counted by issuing
/// body, day and working days taken, and ratings by body and day — kept up to date in the
/// transaction of each completion and rating, so the last 365 days sum a few thousand rows
/// however many requests there are (a scan of a million requests took far longer than the
/// 50 ms the page may take).
enum ServiceRecords {
    static let completions = "service_completions"
    static let ratings = "service_ratings"

    /// Counts a completion (its record already carries the result).
    static func completed(_ record: VerificationRequestRecord, calendar: HolidayCalendar, on db: any Database) async throws {
        guard let completedAt = record.completedAt else { return }
        let completion = Completion(body: record.issuingBodyID, completedAt: completedAt, acceptedOn: record.acceptedOn,
                                    estimatedOn: record.estimatedCompletionOn, outcome: record.outcome, calendar: calendar)
        try await db.sql.raw("""
            INSERT INTO service_completions (issuing_body_id, day, working_days, completed, by_estimate, unable)
            VALUES (\(bind: completion.key.body), \(bind: completion.key.day), \(bind: completion.key.workingDays), 1,
                    \(bind: completion.byEstimate ? 1 : 0), \(bind: completion.unable ? 1 : 0))
            ON CONFLICT (issuing_body_id, day, working_days) DO UPDATE SET
              completed = service_completions.completed + 1,
              by_estimate = service_completions.by_estimate + excluded.by_estimate,
              unable = service_completions.unable + excluded.unable
            """).run()
    }

    /// A completed request as the figures count it: working days from the day of its
    /// acceptance (the day of the result when none was recorded) to the day of the result.
    struct Completion {
        struct Key: Hashable {
            var body: String
            var day: String
            var workingDays: Int
        }

        var key: Key
        var byEstimate: Bool
        var unable: Bool

        init(body: String, completedAt: Date, acceptedOn: String?, estimatedOn: String?, outcome: String?, calendar: HolidayCalendar) {
            let day = CalendarDate.today(at: completedAt)
            let accepted = acceptedOn.flatMap(CalendarDate.init) ?? day
            key = Key(body: body, day: day.description, workingDays: calendar.workingDays(from: accepted, to: day))
            byEstimate = estimatedOn.flatMap(CalendarDate.init).map { day <= $0 } ?? false
            unable = outcome == VerificationOutcome.unableToVerify.rawValue
        }
    }

    /// Counts a rating.
    static func rated(body: String, score: Int, at: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO service_ratings (issuing_body_id, day, total, ratings)
            VALUES (\(bind: body), \(bind: CalendarDate.today(at: at).description), \(bind: score), 1)
            ON CONFLICT (issuing_body_id, day) DO UPDATE SET
              total = service_ratings.total + excluded.total, ratings = service_ratings.ratings + 1
            """).run()
    }

    /// Counts everything again from the requests and ratings (after a year's calendar was
    /// loaded late, or to set up): working days by the calendar as it now stands. Summed
    /// here, written a few hundred rows per statement.
    static func rebuild(on db: any Database, calendar: HolidayCalendar) async throws -> Int {
        try await db.sql.delete(from: completions).run()
        try await db.sql.delete(from: ratings).run()
        let rows = try await db.sql.select().columns("issuing_body_id", "accepted_on", "estimated_completion_on", "completed_at", "outcome")
            .from(VerificationRequestRecord.schema).where("status", .equal, SQLBind(VerificationStatus.completed.rawValue)).all()
        var counted: [Completion.Key: (completed: Int, byEstimate: Int, unable: Int)] = [:]
        for row in rows {
            guard let completedAt = try row.decode(column: "completed_at", as: Date?.self) else { continue }
            let completion = Completion(body: try row.decode(column: "issuing_body_id", as: String.self), completedAt: completedAt,
                                        acceptedOn: try row.decode(column: "accepted_on", as: String?.self),
                                        estimatedOn: try row.decode(column: "estimated_completion_on", as: String?.self),
                                        outcome: try row.decode(column: "outcome", as: String?.self), calendar: calendar)
            let sums = counted[completion.key] ?? (0, 0, 0)
            counted[completion.key] = (sums.completed + 1, sums.byEstimate + (completion.byEstimate ? 1 : 0), sums.unable + (completion.unable ? 1 : 0))
        }
        for chunk in Array(counted).chunked(500) {
            let insert = db.sql.insert(into: completions).columns("issuing_body_id", "day", "working_days", "completed", "by_estimate", "unable")
            for (key, sums) in chunk {
                insert.values(SQLBind(key.body), SQLBind(key.day), SQLBind(key.workingDays), SQLBind(sums.completed), SQLBind(sums.byEstimate),
                              SQLBind(sums.unable))
            }
            try await insert.run()
        }
        var rated: [[String]: (total: Int, count: Int)] = [:]
        for row in try await db.sql.select().columns("issuing_body_id", "score", "created_at").from("ratings").all() {
            let key = [try row.decode(column: "issuing_body_id", as: String.self),
                       CalendarDate.today(at: try row.decode(column: "created_at", as: Date.self)).description]
            let sums = rated[key] ?? (0, 0)
            rated[key] = (sums.total + (try row.decode(column: "score", as: Int.self)), sums.count + 1)
        }
        for chunk in Array(rated).chunked(500) {
            let insert = db.sql.insert(into: ratings).columns("issuing_body_id", "day", "total", "ratings")
            for (key, sums) in chunk { insert.values(SQLBind(key[0]), SQLBind(key[1]), SQLBind(sums.total), SQLBind(sums.count)) }
            try await insert.run()
        }
        return rows.count
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension Verifications {
    /// The published figures for the 365 days ending today.
    /// The figures of every body, or of one (`issuingBody`: a request page shows its own).
    /// How long the requests accepted in the service-standards period waited (whole desk).
    public func acceptanceWait() async throws -> AcceptanceWait {
        let today = CalendarDate.today(at: now())
        let first = ServiceStandards.firstDay(endingOn: today)
        let waits = try await reader.sql.raw("""
            SELECT created_at, accepted_on FROM verification_requests WHERE accepted_on >= \(bind: first.description)
            """).all().compactMap { row -> (submitted: CalendarDate, accepted: CalendarDate)? in
            guard let accepted = CalendarDate(try row.decode(column: "accepted_on", as: String.self)) else { return nil }
            return (CalendarDate.today(at: try row.decode(column: "created_at", as: Date.self)), accepted)
        }
        return AcceptanceWait(waits: waits, calendar: try await Calendars(database: reader, now: now).calendar())
    }

    public func serviceStandards(of issuingBody: String? = nil) async throws -> ServiceStandards {
        let today = CalendarDate.today(at: now())
        let first = ServiceStandards.firstDay(endingOn: today).description
        let onlyBody: SQLQueryString = issuingBody.map { "AND issuing_body_id = \(bind: $0)" } ?? ""
        let buckets = try await reader.sql.raw("""
            SELECT issuing_body_id, working_days, SUM(completed) AS completed, SUM(by_estimate) AS by_estimate, SUM(unable) AS unable
            FROM service_completions WHERE day >= \(bind: first) AND day <= \(bind: today.description) \(onlyBody)
            GROUP BY issuing_body_id, working_days
            """).all().map { row in
            ServiceStandards.Bucket(issuingBodyId: try row.decode(column: "issuing_body_id", as: String.self),
                                    workingDays: try row.decode(column: "working_days", as: Int.self),
                                    completed: try row.decode(column: "completed", as: Int.self),
                                    byEstimate: try row.decode(column: "by_estimate", as: Int.self),
                                    unableToVerify: try row.decode(column: "unable", as: Int.self))
        }
        let ratings = try await reader.sql.raw("""
            SELECT issuing_body_id, SUM(total) AS total, SUM(ratings) AS ratings
            FROM service_ratings WHERE day >= \(bind: first) AND day <= \(bind: today.description) \(onlyBody) GROUP BY issuing_body_id
            """).all().map { row in
            ServiceStandards.RatingSum(issuingBodyId: try row.decode(column: "issuing_body_id", as: String.self),
                                       total: try row.decode(column: "total", as: Int.self), count: try row.decode(column: "ratings", as: Int.self))
        }
        let since = ServiceStandards.firstDay(endingOn: today).startInChina
        let reviews = try await reader.sql.raw("""
            SELECT issuing_body_id, COUNT(*) AS asked,
                   SUM(CASE WHEN review_decision = \(bind: ReviewDecision.changed.rawValue) THEN 1 ELSE 0 END) AS changed
            FROM verification_requests WHERE review_requested_at >= \(bind: since) \(onlyBody) GROUP BY issuing_body_id
            """).all().map { row in
            ServiceStandards.ReviewSum(issuingBodyId: try row.decode(column: "issuing_body_id", as: String.self),
                                       asked: try row.decode(column: "asked", as: Int.self), changed: try row.decode(column: "changed", as: Int.self))
        }
        let bodies = try await issuingBodyRegistry().bodies.filter { issuingBody == nil || $0.id == issuingBody }
        return ServiceStandards(endingOn: today, bodies: bodies, buckets: buckets, ratings: ratings, reviews: reviews)
    }

    /// Counts the service standards' figures again from every completed request and rating.
    @discardableResult
    public func rebuildServiceStandards() async throws -> Int {
        let calendar = try await Calendars(database: database, now: now).calendar()
        return try await database.transaction { db in try await ServiceRecords.rebuild(on: db, calendar: calendar) }
    }
}
