import CredenceCore
@testable import CredenceStore
import CredenceTestSupport
import Foundation
import Logging
import SQLKit
import Synchronization
import Testing

/// The counters behind every rate limit, on each database: reservations made at once each
/// get their own count (one statement, no lost update), and a window that has passed opens
/// a new one.
@Suite struct RateLimitsTests {
    @Test(arguments: TestDatabase.available)
    func parallelReservationsEachGetTheirOwnCount(database: TestDatabase) async throws {
        try await database.withFreshStore { configuration in
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let offset = Mutex<TimeInterval>(0)
            let store = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher(),
                                             clock: { Date().addingTimeInterval(offset.withLock { $0 }) })
            let limits = RateLimits(database: store.database, now: store.clock)
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<40 { group.addTask { try await limits.reserve(.signIn, for: "198.51.100.7").count } }
                var counts: [Int] = []
                for try await count in group { counts.append(count) }
                return counts
            }
            #expect(counts.sorted() == Array(1...40), "each reservation saw its own count")
            let refused = try await limits.reserve(.signIn, for: "198.51.100.7")
            #expect(refused.retryAfter.map { $0 > 0 && $0 <= 900 } == true)
            #expect(try await limits.reserve(.signIn, for: "198.51.100.8").retryAfter == nil, "another key is not touched")
            offset.withLock { $0 = 901 }
            let fresh = try await limits.reserve(.signIn, for: "198.51.100.7")
            #expect(fresh.count == 1 && fresh.retryAfter == nil, "a passed window starts again")
            offset.withLock { $0 = 2 * 86_400 }
            _ = try await limits.reserve(.signIn, for: "198.51.100.9")
            let keys = try await store.database.sql.raw("SELECT key FROM rate_limits").all().map { try $0.decode(column: "key", as: String.self) }
            #expect(keys == ["sign_in_pair:198.51.100.9"], "windows older than a day are pruned when one opens: \(keys)")
            offset.withLock { $0 = 901 }
            try await limits.release(fresh)
            #expect(try await limits.reserve(.signIn, for: "198.51.100.7").count == 1, "a released slot is given back")
            await store.close()
        }
    }
}
