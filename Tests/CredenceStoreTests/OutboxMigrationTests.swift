import CredenceCore
@testable import CredenceStore
import CredenceTestSupport
import FluentKit
import Foundation
import Logging
import SQLKit
import Testing

/// Issue 36: the two outboxes become one. Rows waiting in either table on a database made
/// before — pending, leased to an instance, given up, delivered — keep everything they
/// had and their channel; nothing is sent twice or lost.
@Suite struct OutboxMigrationTests {
    @Test(arguments: TestDatabase.available)
    func bothOutboxesMoveIntoOneWithEveryRowKept(database: TestDatabase) async throws {
        try await database.withFreshStore { configuration in
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let store = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
            let sql = try #require(store.database as? any SQLDatabase)
            // As it was before: the two tables (the later migration that adds a column to the one undone first).
            try await AddHolderPlace().revert(on: store.database)
            try await MergeOutboxes().revert(on: store.database)
            let now = Date()
            let employer = UUID()
            let past = now.addingTimeInterval(-10), future = now.addingTimeInterval(600)
            // (table, payload, attempts, leased until, given up, delivered)
            let rows: [(String, String, Int, Date?, Date?, Date?)] = [
                ("webhook_outbox", "w-pending", 0, nil, nil, nil),
                ("webhook_outbox", "w-leased", 1, future, nil, nil),
                ("webhook_outbox", "w-given-up", 16, nil, past, nil),
                ("mail_outbox", "m-pending", 2, nil, nil, nil),
                ("mail_outbox", "m-leased", 0, future, nil, nil),
                ("mail_outbox", "m-given-up", 1, nil, past, nil),
                ("mail_outbox", "m-delivered", 0, nil, nil, past),
            ]
            for (table, payload, attempts, leased, givenUp, delivered) in rows {
                try await sql.insert(into: table)
                    .columns("id", "employer_id", "payload", "created_at", "attempts", "next_attempt_at", "claimed_until", "given_up_at", "delivered_at", "last_error")
                    .values(SQLBind(UUID()), SQLBind(employer), SQLBind(payload), SQLBind(past), SQLBind(attempts), SQLBind(past),
                            SQLBind(leased), SQLBind(givenUp), SQLBind(delivered), SQLBind(givenUp == nil ? nil : "550 no such mailbox"))
                    .run()
            }

            try await MergeOutboxes().prepare(on: store.database)
            try await AddHolderPlace().prepare(on: store.database)

            let moved = try await OutboxRecord.query(on: store.database).all()
            #expect(moved.count == rows.count)
            for (table, payload, attempts, leased, givenUp, delivered) in rows {
                let record = try #require(moved.first { $0.payload == payload })
                #expect(record.channel == (table == "webhook_outbox" ? "webhook" : "mail"))
                #expect(record.attempts == attempts && record.employerID == employer)
                #expect(record.claimedUntil.map { Int($0.timeIntervalSince1970) } == leased.map { Int($0.timeIntervalSince1970) })
                #expect((record.givenUpAt != nil) == (givenUp != nil) && (record.deliveredAt != nil) == (delivered != nil))
                #expect((record.lastError != nil) == (givenUp != nil))
            }
            for table in ["webhook_outbox", "mail_outbox"] {
                await #expect(throws: (any Error).self) { try await sql.raw("SELECT 1 FROM \(ident: table)").run() }
            }
            // Waiting: pending and leased, not given up or delivered, each in its channel.
            #expect(try await store.webhooks.pending() == 2)
            #expect(try await store.mails.pending() == 2)
            // Only the pending message is claimable; a leased one stays with its instance.
            let claimed = try await store.mails.outbox.claim(limit: 10)
            #expect(claimed.map(\.payload) == ["m-pending"])
            #expect(try await store.webhooks.outbox.claim(limit: 10).map(\.payload) == ["w-pending"])
            await store.close()
        }
    }
}
