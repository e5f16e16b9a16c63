/// How many attempts of one kind one key (an account, an address) may make in a window.
/// Attempts are counted before they are evaluated — a slot is reserved, then the password
/// is checked — so parallel requests cannot get more than `limit` evaluations between them.
/// Pure: the store keeps the counters, this says what they mean.
public struct RateLimit: Sendable, Equatable {
    public var name: String
    public var limit: Int
    /// Seconds.
    public var window: Double

    public init(name: String, limit: Int, window: Double) {
        self.name = name
        self.limit = limit
        self.window = window
    }

    /// Sign-in attempts per account and per address: 5 in 15 minutes.
    public static let signIn = RateLimit(name: "sign_in", limit: 5, window: 15 * 60)
    /// Well-formed registrations (each costs a password hash) per address: 20 an hour.
    public static let registration = RateLimit(name: "register", limit: 20, window: 3600)
    /// Verification-code look-ups per address: 60 a minute, far above any reader, far below guessing.
    public static let codeLookup = RateLimit(name: "verify_code", limit: 60, window: 60)

    /// The counter's key for one subject (an email, an address).
    public func key(_ subject: String) -> String { name + ":" + subject }

    /// Seconds to wait, or nil when the attempt counted as `count` (1-based) in the window
    /// opened at `windowStart` may go ahead.
    public func retryAfter(count: Int, windowStart: Double, now: Double) -> Int? {
        guard count > limit else { return nil }
        return max(1, Int((windowStart + window - now).rounded(.up)))
    }

    /// True for the first attempt over the limit in a window: the one worth recording
    /// (a burst of refused attempts is one event, not one per try).
    public func isFirstRefusal(count: Int) -> Bool { count == limit + 1 }
}

/// Refused by a rate limit: try again after `retryAfter` seconds.
public struct RateLimited: Error, Sendable, Equatable {
    /// Seconds to wait.
    public var seconds: Int

    public init(retryAfter seconds: Int) {
        self.seconds = seconds
    }
}
