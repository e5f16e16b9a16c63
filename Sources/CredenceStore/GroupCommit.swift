import FluentKit

/// Group commit: items that arrive while a transaction is committing wait, and then go
/// together into the next one, written by `write` — which for submissions is a handful of
/// multi-row statements however many there are. Every item is still acknowledged only after
/// the transaction holding it has committed, but many share one commit: one fsync on SQLite,
/// one turn of the audit chain's lock on PostgreSQL, instead of each paying for its own.
///
/// When a batch fails, it is rolled back and each item is written again in a transaction of
/// its own, so that one bad item fails alone.
actor GroupCommit<Item: Sendable> {
    typealias Write = @Sendable ([Item], any Database) async throws -> Void

    private let database: @Sendable () -> any Database
    private let write: Write
    /// How many rows an item writes (a batch of 500 holders is one item of 500).
    private let weight: @Sendable (Item) -> Int
    private var waiting: [(item: Item, done: CheckedContinuation<Void, any Error>)] = []
    private var committing = false
    /// Enough to amortize a commit many times over; small enough that one batch's
    /// transaction does not hold SQLite's one writer connection for long, and that a
    /// multi-row insert stays far below a statement's limit on bound values.
    static var maxBatch: Int { 128 }

    init(database: @escaping @Sendable () -> any Database, weight: @escaping @Sendable (Item) -> Int = { _ in 1 },
         write: @escaping Write) {
        self.database = database
        self.weight = weight
        self.write = write
    }

    /// Writes `item` in a transaction shared with the items waiting beside it; returns once
    /// that transaction has committed, or throws why `item` could not be written.
    func commit(_ item: Item) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            waiting.append((item, done))
            if !committing {
                committing = true
                Task { await drain() }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            // Items up to `maxBatch` rows in all — and always at least one, however heavy.
            var rows = 0
            let count = max(1, waiting.prefix { item in rows += weight(item.item); return rows <= Self.maxBatch }.count)
            let batch = Array(waiting.prefix(count))
            waiting.removeFirst(batch.count)
            do {
                try await transaction(batch.map(\.item))
                for waiter in batch { waiter.done.resume() }
            } catch {
                if batch.count == 1 {
                    batch[0].done.resume(throwing: error)
                    continue
                }
                for waiter in batch {
                    do {
                        try await transaction([waiter.item])
                        waiter.done.resume()
                    } catch {
                        waiter.done.resume(throwing: error)
                    }
                }
            }
        }
        committing = false
    }

    private func transaction(_ items: [Item]) async throws {
        let write = self.write
        try await database().transaction { db in try await write(items, db) }
    }
}
