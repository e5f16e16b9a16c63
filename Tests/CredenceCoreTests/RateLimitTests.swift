import CredenceCore
import Testing

/// The rule behind the counters (finding 2): refused once the count passes the limit, with
/// the time left in the window; the first refusal alone is worth recording (finding 7).
@Suite struct RateLimitTests {
    @Test func overTheLimitWaitsForTheWindow() {
        let limit = RateLimit.signIn
        #expect(limit.retryAfter(count: 5, windowStart: 1000, now: 1100) == nil)
        #expect(limit.retryAfter(count: 6, windowStart: 1000, now: 1100) == 800)
        #expect(limit.isFirstRefusal(count: 6) && !limit.isFirstRefusal(count: 7))
    }
}
