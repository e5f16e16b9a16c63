/// After 5 failed sign-ins for one account or from one address within 15 minutes, further
/// attempts wait. Pure: it reads the recent failures it is given and the time now.
public struct SignInThrottle: Sendable {
    public var maxFailures = 5
    public var window: Double = 15 * 60

    public init() {}

    /// Seconds to wait before trying again, or nil when an attempt may be made. `failures`
    /// are the times (seconds since 1970) of recent failures for the account or the address.
    public func retryAfter(failures: [Double], now: Double) -> Int? {
        let recent = failures.filter { now - $0 < window }.sorted()
        guard recent.count >= maxFailures else { return nil }
        // Allowed again once enough of the recent failures have aged out of the window.
        let unlocking = recent[recent.count - maxFailures]
        return max(1, Int((unlocking + window - now).rounded(.up)))
    }
}
