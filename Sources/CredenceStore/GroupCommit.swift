import FluentKit

/// Group commit: writes that arrive while a transaction is committing wait, and then go
/// together into the next one. Every write is still acknowledged only after the transaction
/// holding it has committed, but many share one commit — one fsync on SQLite, one turn of
/// the audit chain's lock on PostgreSQL — instead of each paying for its own.
///
/// A write is a closure run inside the transaction on the `db` it is given. It may run more
/// than once: when any write of a batch fails, the batch is rolled back and each write runs
/// again in a transaction of its own, so that one bad write fails alone. Closures therefore
/// build their models inside, and touch nothing but `db`.
actor GroupCommit {
    typealias Write = @Sendable (any Database) async throws -> Void

    private let database: @Sendable () -> any Database
    private var waiting: [(write: Write, done: CheckedContinuation<Void, any Error>)] = []
    private var committing = false
    /// Enough to amortize a commit many times over; small enough that one batch's
    /// transaction does not hold SQLite's single connection for long.
    static let maxBatch = 128

    init(database: @escaping @Sendable () -> any Database) {
        self.database = database
    }

    /// Runs `write` in a transaction shared with the writes waiting beside it; returns once
    /// that transaction has committed, or throws what `write` threw.
    func commit(_ write: @escaping Write) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            waiting.append((write, done))
            if !committing {
                committing = true
                Task { await drain() }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(Self.maxBatch))
            waiting.removeFirst(batch.count)
            do {
                try await database().transaction { db in
                    for item in batch { try await item.write(db) }
                }
                for item in batch { item.done.resume() }
            } catch {
                if batch.count == 1 {
                    batch[0].done.resume(throwing: error)
                    continue
                }
                for item in batch {
                    do {
                        try await database().transaction { db in try await item.write(db) }
                        item.done.resume()
                    } catch {
                        item.done.resume(throwing: error)
                    }
                }
            }
        }
        committing = false
    }
}
