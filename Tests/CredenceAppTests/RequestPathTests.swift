import CredenceApp
import CredenceCore
import CredenceTestSupport
import CredenceWire
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 42: the request path is put in its one form before anything routes or decides on
/// it, so no spelling of a path walks around a rule that looks at it.
@Suite struct RequestPathTests {
    @Test(arguments: [
        ("/api/v1/entries", "/api/v1/entries"),
        ("//api//v1///entries", "/api/v1/entries"),
        ("/api/./v1/entries", "/api/v1/entries"),
        ("/api/x/../v1/entries", "/api/v1/entries"),
        ("/api/%2e/v1/%2E%2E/v1/entries", "/api/v1/entries"),
        ("/../../api/v1/entries", "/api/v1/entries"),
        ("/holder/abc/", "/holder/abc/"),
        ("/", "/"),
        ("//", "/"),
        ("/verify/TJ%20X", "/verify/TJ%20X"),
        ("/api%2fv1%2Fentries", "/api/v1/entries"),
        ("/api/v1/verification-requests%2F..%2F..%2Fv1/entries", "/api/v1/entries"),
        ("/holder/%5Cx", "/holder/%5Cx"),
    ])
    func aPathHasOneForm(_ given: String, _ normal: String) throws {
        #expect(try RequestPath.normalised(given[...]) == normal[...])
    }

    @Test(arguments: ["api/v1/entries", "", "*", "/" + String(repeating: "a", count: 9_000)])
    func strangePathsAreRefused(_ given: String) {
        #expect(throws: MalformedBody.self) { try RequestPath.normalised(given[...]) }
    }

    /// Every spelling, against every rule that reads the path: external mode refuses requests,
    /// the holder's place is never cached, a machine route answers errors in JSON.
    @Test(arguments: TestDatabase.available)
    func everySpellingMeetsEveryRule(database: TestDatabase) async throws {
        try await withOpenApp(database, configure: { $0.verification = .external }) { app in
            let employer = try await TestAccounts.employer("Path HR", on: app.store)
            let token = try await app.store.accounts.issueToken(for: employer).token
            let spellings = ["/api/v1/verification-requests", "/api//v1/verification-requests", "//api/v1/verification-requests",
                             "/api/./v1/verification-requests", "/api/x/../v1/verification-requests", "/api/v1/%2e/verification-requests"]
            for path in spellings {
                let made = try await app.client.execute(uri: path, method: .post,
                                                        headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                                        body: ByteBuffer(string: #"{"entryId": "cfa", "holder": {"name": "A", "nationality": "GB"}, "certificateNumber": "P-1", "holderConsent": true}"#))
                #expect(made.status == .notFound && made.errorCode == "verification_external", "\(path): \(made.status)")
            }
            for path in ["/holder/abc", "//holder/abc", "/./holder/abc", "/api//v1/holder/abc", "/api/v1/x/../holder/abc"] {
                let answer = try await app.client.execute(uri: path, method: .get)
                #expect(answer.headers[.cacheControl] == "no-store" && answer.headers[HTTPField.Name("X-Robots-Tag")!] != nil, "\(path)")
            }
            for path in ["/api/v1/nothing", "/api//v1/nothing", "//api/v1/nothing"] {
                let answer = try await app.client.execute(uri: path, method: .get)
                #expect(answer.status == .notFound && answer.headers[.contentType]?.hasPrefix("application/json") == true, "\(path)")
            }
            let folded = try await app.client.execute(uri: "/api%2Fv1%2Fverification-requests", method: .post,
                                                      headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: ByteBuffer(string: "{}"))
            #expect(folded.status == .notFound && folded.errorCode == "verification_external", "an encoded slash is a slash")
            let long = try await app.client.execute(uri: "/api/v1/" + String(repeating: "a", count: 9_000), method: .get)
            #expect(long.status == .badRequest && long.errorCode == "bad_path")
            let query = try await app.client.execute(uri: "/api//v1/search?q=cfa", method: .get)
            #expect(query.status == .ok && query.text.contains("cfa"), "the query survives the folding")
            let metrics = try await app.client.execute(uri: "/metrics", method: .get).text
            #expect(!metrics.contains("//"), "metrics name routes, never a raw path")
        }
    }
}
