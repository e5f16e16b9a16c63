@testable import CredenceStore
import CredenceTestSupport
import FluentKit
import Foundation
import Logging
import SQLKit
import Testing

/// Group commit (GroupCommit.swift): many writes share a transaction, yet each is
/// acknowledged only once committed, and one bad write fails alone.
@Suite struct GroupCommitTests {
    struct Refused: Error, Equatable { let number: Int }

    @Test(arguments: TestDatabase.available)
    func oneBadWriteFailsAloneAndLeavesNothingHalfWritten(database: TestDatabase) async throws {
        try await database.withFreshStore { configuration in
            let store = try await Store.open(configuration, logger: Logger(label: "test"), passwords: TestPasswords.hasher())
            // Each item is a row; a batch holding 7 writes its rows, then is refused.
            let commits = GroupCommit<Int>(database: { store.database }, write: { numbers, db in
                for number in numbers {
                    try await db.sql.raw("INSERT INTO rate_limits (key, window_start_ms, count) VALUES (\(bind: "batch-\(number)"), 0, 1)").run()
                }
                if numbers.contains(7) { throw Refused(number: 7) }
            })
            let outcomes = await withTaskGroup(of: (Int, (any Error)?).self) { group in
                for number in 0..<40 {
                    group.addTask {
                        do {
                            try await commits.commit(number)
                            return (number, nil)
                        } catch {
                            return (number, error)
                        }
                    }
                }
                var outcomes: [Int: (any Error)?] = [:]
                for await (number, error) in group { outcomes[number] = error }
                return outcomes
            }
            #expect(outcomes.count == 40)
            #expect((outcomes[7] ?? nil) as? Refused == Refused(number: 7))
            #expect(outcomes.filter { $0.key != 7 }.allSatisfy { $0.value == nil })
            let stored = try await store.database.sql.raw("SELECT key FROM rate_limits WHERE key LIKE 'batch-%'").all()
                .map { try $0.decode(column: "key", as: String.self) }
            #expect(stored.count == 39)
            #expect(!stored.contains("batch-7"))
            await store.close()
        }
    }
}
