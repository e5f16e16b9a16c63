import CredenceTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// RFC 9110 §15.5.6: a known address asked with a method it does not answer is a 405 that
/// lists what it answers; an unknown address stays a 404; GET addresses answer HEAD.
@Suite struct MethodNotAllowedTests {
    @Test func knownPathsAnswer405WithAllowUnknownOnes404() async throws {
        try await withLiveApp(.sqlite) { client in
            let trace = try await client.execute(uri: "/api/v1/benefits", method: .init("TRACE")!)
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers[.allow] == "POST")
            #expect(try trace.jsonObject()["error"] as? [String: Any] != nil)

            // A path with a parameter, and the literal route beside it (the router prefers it).
            let delete = try await client.execute(uri: "/api/v1/verification-requests/\(UUID())", method: .delete)
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers[.allow] == "GET, HEAD")
            let template = try await client.execute(uri: "/api/v1/verification-batches/template", method: .post)
            #expect(template.headers[.allow] == "GET, HEAD")
            let query = try await client.execute(uri: "/api/v1/verification-requests", method: .init("QUERY")!)
            #expect(query.headers[.allow] == "GET, HEAD, POST")

            // A page: the error page, in HTML.
            let page = try await client.execute(uri: "/entries/cfa", method: .delete)
            #expect(page.status == .methodNotAllowed)
            #expect(page.headers[.allow] == "GET, HEAD")
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)

            let unknown = try await client.execute(uri: "/api/v1/nothing-here", method: .delete)
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.allow] == nil)

            let head = try await client.execute(uri: "/api/v1/entries/cfa", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
        }
    }

    @Test func anEmptyQueryParameterIsA400NamingIt() async throws {
        try await withLiveApp(.sqlite) { client in
            let response = try await client.execute(uri: "/api/v1/entries/cfa?edition=", method: .get)
            #expect(response.status == .badRequest)
            let error = try #require(try response.jsonObject()["error"] as? [String: Any])
            #expect(error["field"] as? String == "edition")
        }
    }
}
