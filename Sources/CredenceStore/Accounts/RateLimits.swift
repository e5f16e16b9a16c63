import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// The counters behind `RateLimit`, in the database so every instance shares them. An
/// attempt is reserved in one statement (insert, or add one — or open a new window when
/// the old one has passed) that answers the count it reached: two parallel requests can
/// never both see a free slot.
struct RateLimits: Sendable {
    let database: any Database
    let now: @Sendable () -> Date

    struct Reservation: Sendable {
        var key: String
        var count: Int
        /// Seconds to wait, when refused.
        var retryAfter: Int?
        var isFirstRefusal: Bool
    }

    /// Counts one attempt for `subject` under `limit`; refused when over it.
    func reserve(_ limit: RateLimit, for subject: String) async throws -> Reservation {
        let key = limit.key(subject)
        let nowMs = Int64((now().timeIntervalSince1970 * 1000).rounded(.down))
        let cutoff = nowMs - Int64(limit.window * 1000)
        let row = try await database.sql.raw("""
            INSERT INTO rate_limits (key, window_start_ms, count) VALUES (\(bind: key), \(bind: nowMs), 1)
            ON CONFLICT (key) DO UPDATE SET
              window_start_ms = CASE WHEN rate_limits.window_start_ms <= \(bind: cutoff) THEN \(bind: nowMs) ELSE rate_limits.window_start_ms END,
              count = CASE WHEN rate_limits.window_start_ms <= \(bind: cutoff) THEN 1 ELSE rate_limits.count + 1 END
            RETURNING window_start_ms, count
            """).first()
        guard let row else { throw RateLimitsError.noAnswer }
        let count = Int(try row.decode(column: "count", as: Int64.self))
        let start = Double(try row.decode(column: "window_start_ms", as: Int64.self)) / 1000
        if count == 1 {
            // A window opened: windows older than a day (longer than any limit's) are done with.
            try await database.sql.raw("DELETE FROM rate_limits WHERE window_start_ms < \(bind: nowMs - 86_400_000)").run()
        }
        return Reservation(key: key, count: count,
                           retryAfter: limit.retryAfter(count: count, windowStart: start, now: Double(nowMs) / 1000),
                           isFirstRefusal: limit.isFirstRefusal(count: count))
    }

    /// A failure on the sliding count `key` (`SignInSlowdown`): one more if the last was
    /// within `window` seconds, else the first; the row's time is the latest failure.
    func recordFailure(_ key: String, window: Double) async throws {
        let nowMs = Int64((now().timeIntervalSince1970 * 1000).rounded(.down))
        let cutoff = nowMs - Int64(window * 1000)
        try await database.sql.raw("""
            INSERT INTO rate_limits (key, window_start_ms, count) VALUES (\(bind: key), \(bind: nowMs), 1)
            ON CONFLICT (key) DO UPDATE SET
              count = CASE WHEN rate_limits.window_start_ms <= \(bind: cutoff) THEN 1 ELSE rate_limits.count + 1 END,
              window_start_ms = \(bind: nowMs)
            """).run()
    }

    /// The count and time (seconds) of the sliding count `key`, if any.
    func failures(_ key: String) async throws -> (count: Int, last: Double)? {
        guard let row = try await database.sql.raw(
            "SELECT count, window_start_ms FROM rate_limits WHERE key = \(bind: key)").first()
        else { return nil }
        return (Int(try row.decode(column: "count", as: Int64.self)), Double(try row.decode(column: "window_start_ms", as: Int64.self)) / 1000)
    }

    /// Forgets a counter (an account whose owner signed in).
    func forget(_ key: String) async throws {
        try await database.sql.raw("DELETE FROM rate_limits WHERE key = \(bind: key)").run()
    }

    /// Gives back a reserved attempt that turned out not to be a failure.
    func release(_ reservation: Reservation) async throws {
        try await database.sql.raw("UPDATE rate_limits SET count = count - 1 WHERE key = \(bind: reservation.key) AND count > 0").run()
    }
}

enum RateLimitsError: Error { case noAnswer }
