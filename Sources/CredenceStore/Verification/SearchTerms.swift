import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Finding a request by what a caller reads out (issue 18): the holder's name (any word of
/// it, or its start), the certificate number, the verification code. Each request's terms
/// are kept folded (lower case, no accents) in `request_search_terms`, indexed, and a query
/// is a prefix range on that index — a `LIKE '%…%'` over an employer's 100,000 requests
/// scans every one of them. Terms follow the request: written with it, rewritten when it is
/// corrected, the code added with the result, the name's terms removed when personal data
/// is erased.
enum SearchTerms {
    static let table = "request_search_terms"

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The terms of a request: the folded full name and each of its words, the certificate
    /// number, the code.
    static func terms(holderName: String?, certificateNumber: String?, code: String?) -> Set<String> {
        var terms: Set<String> = []
        if let holderName {
            let name = fold(holderName)
            terms.insert(name)
            for word in name.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "," || $0 == "." }) { terms.insert(String(word)) }
        }
        if let certificateNumber { terms.insert(fold(certificateNumber)) }
        if let code { terms.insert(fold(code)) }
        return terms.filter { !$0.isEmpty && $0.count <= 200 }
    }

    static func insert(_ items: [(id: UUID, terms: Set<String>)], on sql: any SQLDatabase) async throws {
        let rows = items.flatMap { item in item.terms.map { (item.id, $0) } }
        for chunk in rows.chunked(1000) {
            let insert = sql.insert(into: table).columns("request_id", "term")
            for (id, term) in chunk { insert.values(SQLBind(id), SQLBind(term)) }
            try await insert.run()
        }
    }

    /// Replaces a request's terms.
    static func replace(_ id: UUID, with terms: Set<String>, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: table).where("request_id", .equal, SQLBind(id)).run()
        try await insert([(id, terms)], on: sql)
    }

    /// At most this many matching ids are looked up first and then read by their keys; more
    /// (a common name) and walking the list in its own order finds a page of them sooner.
    /// (scripts/search-bench.sh, 100,000 requests, SQLite: a rare certificate number took
    /// 50 ms as a subquery checked row by row down the list, 2.4 ms looked up first; 925
    /// matches looked up first took 13.6 ms, against 6.7 ms walking the list.)
    static let lookupLimit = 500

    /// The ids of the requests matching `query` when there are at most `lookupLimit`, else nil.
    static func candidates(_ query: String, on sql: any SQLDatabase) async throws -> [UUID]? {
        if let id = UUID(uuidString: query.trimmingCharacters(in: .whitespaces)) { return [id] }
        let rows = try await sql.select().distinct().column("request_id").from(table).where(startingWith(query))
            .limit(lookupLimit + 1).all()
        guard rows.count <= lookupLimit else { return nil }
        return try rows.map { try $0.decode(column: "request_id", as: UUID.self) }
    }

    /// The requests with a term that starts with the folded query (an id is always found
    /// by `candidates`).
    static func matching(_ query: String) -> any SQLExpression {
        let terms = SQLSubquery.select { $0.column("request_id").from(table).where(startingWith(query)) }
        return SQLBinaryExpression(RequestRow.column("id"), .in, terms)
    }

    /// Terms that start with the folded query: a range on the term index.
    private static func startingWith(_ query: String) -> any SQLExpression {
        let folded = fold(query)
        return SQLBinaryExpression(SQLBinaryExpression(SQLColumn("term"), .greaterThanOrEqual, SQLBind(folded)), .and,
                                   SQLBinaryExpression(SQLColumn("term"), .lessThan, SQLBind(folded + "\u{10FFFF}")))
    }
}
