import CredenceCore
@testable import CredenceStore
import CredenceTestSupport
import Foundation
import Logging
import Synchronization
import Testing

/// Verified credentials are kept briefly, and a revocation made anywhere is honoured at once:
/// by the instance that made it, and by another instance on the same database as soon as
/// the revocation has returned.
@Suite struct CredentialCacheTests {
    /// A monotonic clock the test moves.
    final class Uptime: Sendable {
        private let instant = Mutex(ContinuousClock.now)
        var now: ContinuousClock.Instant { instant.withLock { $0 } }
        func advance(_ duration: Duration) { instant.withLock { $0 += duration } }
    }

    static let key = CredentialCache.Credential.Key(kind: .token, digest: "d")
    static func credential(expiresIn seconds: TimeInterval = 3600) -> CredentialCache.Credential {
        CredentialCache.Credential(
            account: Account(id: UUID(), email: "hr@acme.example", role: .employer, name: "HR", createdAt: Date()),
            tokenID: UUID(), expiresAt: Date().addingTimeInterval(seconds))
    }

    @Test func nothingIsTrustedUntilTheRevocationsHaveBeenReadWithinTheWindow() {
        let uptime = Uptime()
        let cache = CredentialCache(uptime: { uptime.now })
        cache.keep(Self.credential(), as: Self.key, ticket: cache.ticket())
        #expect(cache.ticket() == nil && cache.credential(Self.key, now: Date()) == nil, "never read: not trusted, nothing kept")

        cache.observe(revocations: 0, readBegan: uptime.now)
        cache.keep(Self.credential(), as: Self.key, ticket: cache.ticket())
        #expect(cache.credential(Self.key, now: Date()) != nil)
        uptime.advance(CredentialCache.window)
        #expect(cache.credential(Self.key, now: Date()) == nil, "the last read began a window ago: not trusted")
        cache.observe(revocations: 0, readBegan: uptime.now)
        #expect(cache.credential(Self.key, now: Date()) != nil, "the same count read again: trusted again, still kept")
        cache.lost()
        cache.observe(revocations: 0, readBegan: uptime.now)
        #expect(cache.credential(Self.key, now: Date()) == nil, "a failed read forgets everything")
    }

    @Test func aMovedCountOrALocalRevocationForgetsAndALookupBegunBeforeKeepsNothing() {
        let uptime = Uptime()
        let cache = CredentialCache(uptime: { uptime.now })
        cache.observe(revocations: 7, readBegan: uptime.now)
        cache.keep(Self.credential(), as: Self.key, ticket: cache.ticket())
        cache.observe(revocations: 8, readBegan: uptime.now)
        #expect(cache.credential(Self.key, now: Date()) == nil, "another instance revoked something")

        let before = cache.ticket()
        cache.forgetAll()  // this instance revoked something while a lookup was under way
        cache.keep(Self.credential(), as: Self.key, ticket: before)
        #expect(cache.credential(Self.key, now: Date()) == nil, "the lookup's answer predates the revocation")

        cache.keep(Self.credential(expiresIn: -1), as: Self.key, ticket: cache.ticket())
        #expect(cache.credential(Self.key, now: Date()) == nil, "an expired credential is never answered")
        cache.keep(Self.credential(), as: Self.key, ticket: cache.ticket())
        uptime.advance(CredentialCache.lifetime)
        cache.observe(revocations: 8, readBegan: uptime.now)
        #expect(cache.credential(Self.key, now: Date()) == nil, "kept no longer than its lifetime")
    }

    /// Two stores on one database: `serving` watches and keeps credentials, as a server does;
    /// `other` is another instance, or the CLI.
    @Test(arguments: TestDatabase.available)
    func aRevocationByAnotherInstanceIsHonouredWhenItReturns(database: TestDatabase) async throws {
        try await database.withFreshStore { configuration in
            let logger = Logger(label: "test")
            let serving = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
            let other = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
            let watch = Task { await serving.accounts.watchRevocations() }
            defer { watch.cancel() }
            let employer = try await TestAccounts.employer("Acme", on: serving)
            let token = try await serving.accounts.issueToken(for: employer).token
            let session = try await serving.accounts.openSession(for: employer)
            let second = try await serving.accounts.issueToken(for: employer).token
            // Both verified and kept — once the watch has read the count (on a loaded machine a
            // read can come later than the window, and then nothing is kept until the next).
            let deadline = ContinuousClock.now + .seconds(30)
            repeat {
                #expect(try await serving.accounts.account(forToken: token)?.0.id == employer.id)
                #expect(try await serving.accounts.account(forSession: session)?.id == employer.id)
                if serving.credentials.keptCount == 2 { break }
                try await Task.sleep(for: .milliseconds(20))
            } while ContinuousClock.now < deadline
            #expect(serving.credentials.keptCount == 2, "both kept")

            // Another instance signs the session out: refused here once that returns.
            try await other.accounts.closeSession(session)
            #expect(try await serving.accounts.account(forSession: session) == nil)
            #expect(try await serving.accounts.account(forToken: token)?.0.id == employer.id, "the token still works")

            // This instance revokes a token: refused at once, here and there.
            let (_, secondID) = try #require(try await serving.accounts.account(forToken: second))
            try await serving.accounts.revokeToken(secondID, by: employer)
            #expect(try await serving.accounts.account(forToken: second) == nil)
            #expect(try await other.accounts.account(forToken: second) == nil)

            // The CLI disables the account: every credential refused once it returns.
            _ = try await serving.accounts.account(forToken: token)
            _ = try await other.accounts.disable(email: employer.email)
            #expect(try await serving.accounts.account(forToken: token) == nil)

            watch.cancel()
            await serving.close()
            await other.close()
        }
    }
}
