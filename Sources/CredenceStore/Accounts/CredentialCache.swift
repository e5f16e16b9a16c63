import CredenceCore
import Foundation
import Synchronization

/// Credentials verified a moment ago, so a signed-in request need not ask the database who
/// is calling: that query (on SQLite a hop to a reader connection's thread and back) was the
/// larger part of a signed-in read (docs/benchmarks.md).
///
/// A revocation is honoured at once, by every process on the database:
/// - each revocation (a sign-out, a token revoked, a password changed, an account disabled or
///   its role changed) adds one to `credential_revocations.revocations` in its own transaction,
///   empties this process's cache when it commits, and returns `window` later;
/// - each serving process reads that count every `pollInterval` (`Accounts.watchRevocations`)
///   and empties its cache when the count has moved;
/// - a process trusts its cache only while its last read of the count *began* less than
///   `window` ago. So once a revocation has returned, a process still trusting its cache has
///   read the count since the revocation committed, and forgotten what it kept before.
/// A process that does not watch (the CLI, most tests) never trusts it. An entry is also
/// forgotten after `lifetime`, and a credential's expiry is checked on every use.
public final class CredentialCache: Sendable {
    public static let pollInterval: Duration = .milliseconds(50)
    public static let window: Duration = .milliseconds(200)
    static let lifetime: Duration = .seconds(60)
    /// Only valid credentials are kept, so only signed-in callers fill it; past this many it
    /// starts again empty.
    static let capacity = 10_000

    /// A credential as the lookup found it.
    struct Credential: Sendable {
        enum Kind: Sendable { case session, token }
        struct Key: Hashable, Sendable {
            var kind: Kind
            var digest: String
        }
        var account: Account
        /// A token's id (nil for a session).
        var tokenID: UUID?
        var expiresAt: Date
    }

    /// What a lookup may keep: the cache's generation when it began, if the cache was trusted.
    struct Ticket { fileprivate let generation: UInt64 }

    private struct Kept {
        var credential: Credential
        var keptAt: ContinuousClock.Instant
    }

    private struct State {
        var kept: [Credential.Key: Kept] = [:]
        /// Moves whenever everything kept is forgotten: a lookup begun before may not keep its answer.
        var generation: UInt64 = 0
        /// The count last read, and when that read began (nil: not read, or the last read failed).
        var revocations: Int64?
        var readBegan: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    /// The monotonic clock, a value so tests can move it.
    private let uptime: @Sendable () -> ContinuousClock.Instant

    public init(uptime: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.uptime = uptime
    }

    private static func trusted(_ state: State, at instant: ContinuousClock.Instant) -> Bool {
        guard let began = state.readBegan else { return false }
        return instant - began < window
    }

    /// The kept credential for `key`, still valid at `now`, while the cache is trusted.
    func credential(_ key: Credential.Key, now: Date) -> Credential? {
        let instant = uptime()
        return state.withLock { state in
            guard Self.trusted(state, at: instant), let kept = state.kept[key] else { return nil }
            guard instant - kept.keptAt < Self.lifetime, kept.credential.expiresAt > now else {
                state.kept[key] = nil
                return nil
            }
            return kept.credential
        }
    }

    /// Taken before a lookup, so its answer is kept only if nothing was revoked meanwhile.
    func ticket() -> Ticket? {
        let instant = uptime()
        return state.withLock { state in Self.trusted(state, at: instant) ? Ticket(generation: state.generation) : nil }
    }

    func keep(_ credential: Credential, as key: Credential.Key, ticket: Ticket?) {
        guard let ticket else { return }
        let instant = uptime()
        state.withLock { state in
            guard state.generation == ticket.generation, Self.trusted(state, at: instant) else { return }
            if state.kept.count >= Self.capacity { state.kept.removeAll() }
            state.kept[key] = Kept(credential: credential, keptAt: instant)
        }
    }

    /// This process revoked a credential: forget everything now.
    func forgetAll() {
        state.withLock { state in
            state.kept.removeAll()
            state.generation &+= 1
        }
    }

    /// The watch read `revocations`, in a read that began at `began`.
    func observe(revocations: Int64, readBegan began: ContinuousClock.Instant) {
        state.withLock { state in
            if state.revocations != revocations {
                state.kept.removeAll()
                state.generation &+= 1
                state.revocations = revocations
            }
            if state.readBegan.map({ $0 < began }) ?? true { state.readBegan = began }
        }
    }

    /// The watch could not read the count: trust nothing until it can.
    func lost() {
        state.withLock { state in
            state.kept.removeAll()
            state.generation &+= 1
            state.revocations = nil
            state.readBegan = nil
        }
    }

    /// How many credentials are kept.
    var keptCount: Int { state.withLock { $0.kept.count } }

    /// The instant a read of the count begins, on this cache's clock.
    func instant() -> ContinuousClock.Instant { uptime() }
}
