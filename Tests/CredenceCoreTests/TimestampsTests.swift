@testable import CredenceCore
import Foundation
import Testing

/// `Timestamps.rfc3339` written by hand, held to Foundation's ISO 8601 format style.
@Suite struct TimestampsTests {
    static let foundation = Date.ISO8601FormatStyle()

    @Test func knownTimes() {
        #expect(Timestamps.rfc3339(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Timestamps.rfc3339(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(Timestamps.rfc3339(Date(timeIntervalSince1970: 1_796_377_624.9)) == "2026-12-04T09:47:04Z", "whole seconds, not rounded up")
        #expect(Timestamps.rfc3339(Date(timeIntervalSince1970: 253_402_300_799)) == "9999-12-31T23:59:59Z")
    }

    @Test func equalToFoundationEverywhere() {
        var generator = SystemRandomNumberGenerator()
        // Every day boundary around leap years and centuries, and random times up to 9999 and
        // beyond it (where Foundation writes them), and before 1970.
        var times: [Double] = [-1, -86_400.5, 253_402_300_800, 4_102_444_800, 4_107_542_399, 946_684_799, 946_684_800]
        times += (0..<20_000).map { _ in Double.random(in: -62_000_000_000...260_000_000_000, using: &generator) }
        times += (0..<3_000).map { Double($0) * 86_400 * 37 + 86_399.999 }
        for time in times {
            let date = Date(timeIntervalSince1970: time)
            #expect(Timestamps.rfc3339(date) == Self.foundation.format(date), "\(time)")
        }
    }
}
