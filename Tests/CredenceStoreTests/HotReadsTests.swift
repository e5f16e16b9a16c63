@testable import CredenceStore
import CredenceTestSupport
import FluentKit
import Foundation
import Logging
import SQLKit
import Testing

/// The hot reads keep their statements (issue 45): prepared once, run again with new values,
/// never prepared again on SQLite; the same rows as an unkept read on either database; and a
/// reader that only reads.
@Suite struct HotReadsTests {
    /// A store with a small table of its own, `hot_reads_test (id, n, name)`, 30 rows.
    static func withTable(_ database: TestDatabase, _ body: (Store) async throws -> Void) async throws {
        try await database.withFreshStore { configuration in
            let store = try await Store.open(configuration, logger: Logger(label: "test"), passwords: TestPasswords.hasher())
            do {
                try await store.database.sql.raw("CREATE TABLE hot_reads_test (id TEXT NOT NULL, n BIGINT NOT NULL, name TEXT)").run()
                try await store.database.sql.raw("CREATE INDEX hot_reads_test_id ON hot_reads_test (id, n)").run()
                for n in 0..<30 {
                    try await store.database.sql.insert(into: "hot_reads_test").columns("id", "n", "name")
                        .values(SQLBind("group-\(n % 3)"), SQLBind(n), n % 5 == 0 ? SQLLiteral.null : SQLBind("name \(n) 名"))
                        .run()
                }
                try await body(store)
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }

    static func select(_ store: Store, group: String, atLeast: Int) -> SQLSelectBuilder {
        store.database.sql.select().columns("n", "name").from("hot_reads_test")
            .where("id", .equal, SQLBind(group)).where("n", .greaterThanOrEqual, SQLBind(atLeast))
            .orderBy("n")
    }

    @Test(arguments: TestDatabase.available)
    func theRowsAreTheSameAsAnUnkeptReadsWithEveryValue(database: TestDatabase) async throws {
        try await Self.withTable(database) { store in
            for round in 0..<3 {
                for group in ["group-0", "group-1", "group-2", "nobody"] {
                    let query = Self.select(store, group: group, atLeast: round * 4)
                    let kept = try await store.hotReads.rows(query.select).map { row in [try row.optionalInt(0).map(String.init), try row.optionalText(1)] }
                    let unkept = try await query.all().map { row in
                        [String(try row.decode(column: "n", as: Int.self)), try row.decode(column: "name", as: String?.self)]
                    }
                    #expect(kept == unkept, "\(group), from \(round * 4)")
                }
            }
        }
    }

    @Test func sqliteRunsAKeptStatementWithoutPreparingItAgain() async throws {
        try await Self.withTable(.sqlite) { store in
            let connections = try #require(store.hotReads.sqlite)
            var text = ""
            for round in 0..<20 {
                let query = Self.select(store, group: "group-\(round % 3)", atLeast: round % 7)
                text = store.database.sql.serialize(query.select).sql
                _ = try await store.hotReads.rows(query.select)
            }
            let status = connections.status(of: text)
            #expect(status.runs == 20)
            #expect(status.reprepared == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aStatementNotKeptAnswersTheSameAndIsNotKept(database: TestDatabase) async throws {
        try await Self.withTable(database) { store in
            let query = Self.select(store, group: "group-2", atLeast: 3)
            let kept = try await store.hotReads.rows(query.select).map { try $0.optionalInt(0) }
            let once = try await store.hotReads.rows(query.select, keep: false).map { try $0.optionalInt(0) }
            #expect(once == kept)
            #expect(once == [5, 8, 11, 14, 17, 20, 23, 26, 29])
            if let connections = store.hotReads.sqlite {
                let other = store.database.sql.select().column(SQLRaw("count(*)")).from("hot_reads_test").select
                _ = try await store.hotReads.rows(other, keep: false)
                #expect(connections.status(of: store.database.sql.serialize(other).sql).runs == 0)
            }
        }
    }

    @Test func sqliteReadersOnlyReadAndSayWhatWentWrong() async throws {
        try await Self.withTable(.sqlite) { store in
            let connections = try #require(store.hotReads.sqlite)
            await #expect(throws: SQLiteReadError.self) {
                _ = try await connections.rows("DELETE FROM hot_reads_test", [])
            }
            await #expect(throws: SQLiteReadError.self) { _ = try await connections.rows("SELECT nonsense FROM", []) }
            // The readers still read, and see what the writer committed since.
            try await store.database.sql.raw("DELETE FROM hot_reads_test WHERE n >= 10").run()
            let count = try await connections.rows("SELECT count(*) FROM hot_reads_test", [])
            #expect(count.first?.first == .integer(10))
            // A value is bound whole, a NUL inside it too.
            let echoed = try await connections.rows("SELECT ?", [.text("a\u{0}b 名")])
            #expect(echoed.first?.first == .text("a\u{0}b 名"))
            // Past the statements kept, each is still answered (the kept are let go and kept anew).
            for n in 0..<100 {
                let answer = try await connections.rows("SELECT \(n)", [])
                #expect(answer.first?.first == .integer(n))
            }
        }
    }

    @Test func postgresReadsPastTheNamedStatementsRunUnnamed() async throws {
        guard TestDatabase.available.contains(.postgres) else { return }
        try await Self.withTable(.postgres) { store in
            // More shapes than are named (128 in a process): each still answers right.
            for n in 0..<140 {
                let query = store.database.sql.select().column(SQLRaw("count(*) + \(n)")).from("hot_reads_test")
                    .where("id", .equal, SQLBind("group-1")).select
                let count = try await store.hotReads.rows(query).first?.optionalInt(0)
                #expect(count == 10 + n)
            }
        }
    }
}
