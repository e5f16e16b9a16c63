import CredenceCore
import Crypto
import Foundation
import HummingbirdBcrypt
import NIOCore
import NIOPosix
import Synchronization

/// bcrypt at cost 12 (about a quarter of a second a hash) on threads of its own — never on
/// NIO's shared pool, where SQLite's queries run, so a burst of sign-ins cannot stall the
/// database for everyone — with a bounded queue: past it, `PasswordHasherBusy` (a 503 with
/// Retry-After) at once instead of an ever longer wait. One per store (its queue), the value
/// the store is given as its `PasswordHashing`.
/// The password is first reduced to base64(SHA-256), so every character of a long
/// passphrase counts (bcrypt reads only 72 bytes) and no NUL byte can cut it short.
public final class PasswordHasher: PasswordHashing {
    /// What Credence stores passwords with.
    public static let defaultCost: UInt8 = 12
    /// The work factor of new hashes (a value so tests, which make hundreds of accounts at
    /// once, can make them cheaply; the service always uses `defaultCost`).
    let cost: UInt8
    /// Hashes this store may have waiting or running at most.
    let maxPending: Int
    private let pending = Atomic<Int>(0)
    /// Hashes computed (made or checked): what a test counts to know one was not.
    public let computed = Atomic<Int>(0)
    private let cheaperDecoy: String?

    /// The threads every store's hashing shares: as many as cores, apart from NIO's shared
    /// pool (where SQLite's queries wait). The operating system shares the cores fairly
    /// between them and the rest; a queue of hashes never stands in front of a query.
    static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: System.coreCount)
        pool.start()
        return pool
    }()

    /// `maxPending`: 16 a core by default — already seconds of work.
    public init(cost: UInt8 = defaultCost, maxPending: Int = 16 * System.coreCount) {
        self.cost = cost
        self.maxPending = maxPending
        cheaperDecoy = cost == Self.defaultCost ? nil : Bcrypt.hash(Self.prehash("no account has this password"), cost: cost)
    }

    /// The decoy at this hasher's cost.
    public var decoy: String { cheaperDecoy ?? Self.defaultDecoy }

    public func hash(_ password: String) async throws -> String {
        let input = Self.prehash(password)
        let cost = cost
        return try await run { Bcrypt.hash(input, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        let input = Self.prehash(password)
        return try await run { Bcrypt.verify(input, hash: hash) }
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        let admitted = pending.add(1, ordering: .relaxed).newValue
        defer { pending.subtract(1, ordering: .relaxed) }
        guard admitted <= maxPending else { throw PasswordHasherBusy() }
        computed.add(1, ordering: .relaxed)
        return try await Self.threads.runIfActive(work)
    }

    /// The decoy at the service's cost, made once (a quarter of a second) when first needed.
    private static let defaultDecoy: String = Bcrypt.hash(prehash("no account has this password"), cost: defaultCost)

    private static func prehash(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }
}

/// Too many password checks are queued: try again in a few seconds.
public struct PasswordHasherBusy: DescribedError {
    public var retryAfter: Int? { 5 }
    public var kind: ErrorKind { .unavailable }
    public var code: String { "busy" }
    public var message: BilingualText {
        BilingualText(zh: "目前正在核对的登录过多，未作任何更改，请5秒后再试。",
                      en: "Too many sign-ins are being checked right now; nothing was changed. Try again in 5 seconds.")
    }
}
