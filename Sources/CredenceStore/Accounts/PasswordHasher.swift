import Crypto
import Foundation
import HummingbirdBcrypt
import NIOCore
import NIOPosix
import Synchronization

/// bcrypt at cost 12 (about a quarter of a second a hash) on threads of its own — never on
/// NIO's shared pool, where SQLite's queries run, so a burst of sign-ins cannot stall the
/// database for everyone — with a bounded queue: past it, `PasswordHasherBusy` (a 503 with
/// Retry-After) at once instead of an ever longer wait. One per store, a value its users
/// are given.
/// The password is first reduced to base64(SHA-256), so every character of a long
/// passphrase counts (bcrypt reads only 72 bytes) and no NUL byte can cut it short.
public final class PasswordHasher: Sendable {
    static let cost: UInt8 = 12
    /// Hashes waiting or running at most.
    let maxPending: Int
    private let pool: NIOThreadPool
    private let pending = Atomic<Int>(0)

    /// `threads`: half the cores by default, so the other half keep serving everything
    /// else; `maxPending`: 16 a thread, already seconds of work.
    init(threads: Int = max(1, System.coreCount / 2), maxPending: Int? = nil) {
        self.maxPending = maxPending ?? 16 * threads
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    func shutdown() async {
        try? await pool.shutdownGracefully()
    }

    func hash(_ password: String) async throws -> String {
        let input = Self.prehash(password)
        return try await run { Bcrypt.hash(input, cost: Self.cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        let input = Self.prehash(password)
        return try await run { Bcrypt.verify(input, hash: hash) }
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        let admitted = pending.add(1, ordering: .relaxed).newValue
        defer { pending.subtract(1, ordering: .relaxed) }
        guard admitted <= maxPending else { throw PasswordHasherBusy() }
        return try await pool.runIfActive(work)
    }

    /// Checked against when the email is unknown, so that answer takes as long as a wrong
    /// password and the time does not tell which emails have accounts.
    static let decoy: String = Bcrypt.hash(prehash("no account has this password"), cost: cost)

    private static func prehash(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }
}

/// Too many password checks are queued: try again in a few seconds.
public struct PasswordHasherBusy: Error, Sendable {
    public let retryAfter = 5
}
