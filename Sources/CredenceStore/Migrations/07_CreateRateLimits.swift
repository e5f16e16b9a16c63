import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Rate-limit counters reserved atomically before an attempt is evaluated (`RateLimits`),
/// replacing the sign-in attempt rows, which were counted before a check and written after
/// it — parallel requests all passed the count.
struct CreateRateLimits: AsyncMigration {
    var name: String { "2026-12-01-create-rate-limits" }

    func prepare(on database: any Database) async throws {
        try await database.sql.raw("CREATE TABLE rate_limits (key TEXT PRIMARY KEY, window_start_ms BIGINT NOT NULL, count BIGINT NOT NULL)").run()
        // Old windows are deleted by their start (RateLimits.reserve), without reading the table.
        try await database.sql.raw("CREATE INDEX rate_limits_window ON rate_limits (window_start_ms)").run()
        try await database.sql.raw("DROP TABLE sign_in_attempts").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE rate_limits").run()
    }
}
