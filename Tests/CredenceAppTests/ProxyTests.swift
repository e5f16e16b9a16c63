import CredenceApp
import CredenceCore
import CredenceTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Behind a reverse proxy (issue 13): the client's address comes from a trusted proxy's
/// headers and only from there, and the sign-in throttle cannot be aimed at others.
@Suite struct ProxyTests {
    static func signIn(_ app: OpenApp, _ email: String, _ password: String, from client: String?) async throws -> HTTPResponse.Status {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let client { headers[HTTPField.Name("X-Forwarded-For")!] = "198.18.0.1, \(client)" }
        let body = #"{"email": "\#(email)", "password": "\#(password)"}"#
        return try await app.client.execute(uri: "/api/v1/tokens", method: .post, headers: headers,
                                            body: ByteBuffer(string: body)).status
    }

    @Test(arguments: TestDatabase.available)
    func nobodyBehindTheProxyCanLockOutAnother(database: TestDatabase) async throws {
        try await withOpenApp(database, configure: { $0.network.trustedProxies = try! TrustedProxies(parsing: "127.0.0.1, ::1") }) { app in
            let b = try await TestAccounts.employer("B Ltd", on: app.store)
            let (a, elsewhere) = ("203.0.113.5", "198.51.100.7")
            for i in 0..<6 { #expect(try await Self.signIn(app, "made-up\(i)@example.com", "not the password", from: a) == .unauthorized) }
            #expect(try await Self.signIn(app, b.email, TestAccounts.password, from: a) == .created, "B behind the same address")
            #expect(try await Self.signIn(app, b.email, TestAccounts.password, from: elsewhere) == .created)
            for _ in 0..<5 { #expect(try await Self.signIn(app, b.email, "not the password", from: a) == .unauthorized) }
            #expect(try await Self.signIn(app, b.email, "not the password", from: a) == .tooManyRequests, "the sixth for one pair")
            #expect(try await Self.signIn(app, b.email, TestAccounts.password, from: elsewhere) == .created, "B elsewhere is not stopped")
            let recorded = try await app.store.accounts.auditEvents().filter { $0.kind == "sign_in.failed" }.map(\.address)
            #expect(Set(recorded) == [a], "the audit log has the client, not the proxy")
        }
    }

    @Test func aClientsOwnForwardedForChangesNothing() async throws {
        try await withOpenApp(.sqlite) { app in
            let b = try await TestAccounts.employer("B Ltd", on: app.store)
            for i in 0..<5 { #expect(try await Self.signIn(app, b.email, "not the password", from: "192.0.2.\(i)") == .unauthorized) }
            #expect(try await Self.signIn(app, b.email, "not the password", from: "192.0.2.99") == .tooManyRequests)
            let recorded = try await app.store.accounts.auditEvents().filter { $0.kind == "sign_in.failed" }.map(\.address)
            #expect(recorded.allSatisfy { $0 == "127.0.0.1" || $0 == "::1" }, "\(recorded)")
        }
    }

    @Test func theClientIsTheRightMostAddressThatIsNotAProxy() throws {
        let proxies = try TrustedProxies(parsing: "10.0.0.0/8, 127.0.0.1, 2001:db8::/32")
        func client(_ peer: String, xff: String? = nil, forwarded: String? = nil, proto: String? = nil) -> ClientOrigin {
            proxies.origin(peer: peer, overTLS: false, forwarded: forwarded, xForwardedFor: xff, xForwardedProto: proto)
        }
        #expect(client("127.0.0.1", xff: "1.2.3.4, 203.0.113.9, 10.1.2.3").address == "203.0.113.9")
        #expect(client("192.0.2.1", xff: "203.0.113.9").address == "192.0.2.1", "an untrusted peer's header is ignored")
        #expect(client("127.0.0.1", forwarded: #"for=1.2.3.4, for="[2001:db9:cafe::17]:4711";proto=https"#).address == "2001:db9:cafe::17")
        #expect(client("127.0.0.1", forwarded: #"for=198.51.100.2:8080;proto=https"#) == ClientOrigin(address: "198.51.100.2", isSecure: true))
        #expect(client("127.0.0.1", xff: "198.51.100.2", proto: "https").isSecure)
        #expect(!client("192.0.2.1", xff: "198.51.100.2", proto: "https").isSecure, "an untrusted peer cannot claim https")
        #expect(client("::ffff:10.9.9.9", xff: "198.51.100.3").address == "198.51.100.3", "IPv4-mapped peers match IPv4 ranges")
        #expect(client("127.0.0.1", xff: "garbage, 10.0.0.2").address == "10.0.0.2", "an unreadable hop ends the walk")
        #expect(throws: TrustedProxiesError.self) { try TrustedProxies(parsing: "10.0.0.0/33") }
        #expect(throws: TrustedProxiesError.self) { try TrustedProxies(parsing: "proxy.example") }
    }
}
