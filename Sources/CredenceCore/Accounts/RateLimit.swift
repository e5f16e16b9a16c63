import Foundation

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

    /// Sign-in attempts for one account from one address: 5 in 15 minutes. Counted per
    /// pair, so one bad actor blocks only himself — not a colleague behind the same NAT or
    /// proxy, and not the account's owner elsewhere.
    public static let signIn = RateLimit(name: "sign_in_pair", limit: 5, window: 15 * 60)
    /// Sign-in attempts from one address across all accounts: 50 in 15 minutes (guessing
    /// many accounts from one place).
    public static let signInAddress = RateLimit(name: "sign_in_address", limit: 50, window: 15 * 60)
    /// Well-formed registrations (each costs a password hash) per address: 20 an hour.
    public static let registration = RateLimit(name: "register", limit: 20, window: 3600)
    /// Verification-code look-ups per address: 60 a minute, far above any reader, far below guessing.
    public static let codeLookup = RateLimit(name: "verify_code", limit: 60, window: 60)

    /// Holder links tried per address: 30 a minute (issue 31); a link is 256 random bits, this keeps guessing costly too.
    public static let holderLink = RateLimit(name: "holder_link", limit: 30, window: 60)
    /// Invitations re-sent to one request's holder: 3 an hour.
    public static let holderInvitation = RateLimit(name: "holder_invitation", limit: 3, window: 3600)
    /// What `holderInvitation` limits, for its refusal.
    public static let holderInvitationLimited = BilingualText(zh: "这项申请一小时内最多重发 3 次持证人邀请。",
                                                              en: "This request's holder invitations may be sent at most 3 times an hour.")
    /// Proposals of new entries per address: 5 an hour (issue 34).
    public static let proposal = RateLimit(name: "proposal", limit: 5, window: 3600)

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

/// An account under attack from many addresses is slowed, never locked: once it has had
/// `freeFailures` failures (each within 15 minutes of the one before), an address that has
/// itself failed on it waits 2, 4, 8… seconds after the latest failure (at most 15
/// minutes). An address that has not failed is never slowed, so the owner can sign in.
public enum SignInSlowdown {
    public static let freeFailures = 5
    /// Failures further apart than this start the count again.
    public static let window: Double = 15 * 60
    /// The account's counter.
    public static func key(_ email: String) -> String { "sign_in_account:" + email }

    /// Seconds to wait, or nil to go ahead.
    public static func retryAfter(failures: Int, lastFailure: Double, now: Double, addressHasFailed: Bool) -> Int? {
        guard addressHasFailed, failures >= freeFailures, now - lastFailure < window else { return nil }
        let delay = min(window, pow(2, Double(min(failures - freeFailures + 1, 20))))
        let left = lastFailure + delay - now
        return left > 0 ? max(1, Int(left.rounded(.up))) : nil
    }
}

/// Refused by a rate limit: try again after `retryAfter` seconds.
public struct RateLimited: Error, Sendable, Equatable {
    /// Seconds to wait.
    public var seconds: Int
    /// What is limited, as a sentence, when it is not attempts from the caller's address.
    public var limited: BilingualText?

    public init(retryAfter seconds: Int, limited: BilingualText? = nil) {
        self.seconds = seconds
        self.limited = limited
    }
}
