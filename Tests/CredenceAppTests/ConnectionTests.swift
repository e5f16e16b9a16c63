import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// Connection discipline and outages over real TCP (issue 13); the large-scale runs are in
/// scripts/faults.py.
@Suite struct ConnectionTests {
    /// A plain TCP connection to the test server, for sending half a request.
    final class RawConnection: @unchecked Sendable {
        let fd: Int32

        init(port: Int) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        func send(_ text: String) { _ = text.withCString { write(fd, $0, strlen($0)) } }

        /// True when the server closed the connection (end of file) within the receive timeout.
        func closedByServer() -> Bool {
            var byte: UInt8 = 0
            return recv(fd, &byte, 1, 0) == 0
        }

        /// Everything the server sends until it closes (or the receive timeout passes).
        func readAll() -> String {
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(fd, &chunk, chunk.count, 0)
                if count <= 0 { break }
                bytes += chunk[0..<count]
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// `work` (blocking socket calls) on a thread of its own, not the concurrency pool's —
        /// which the server under test needs for its handlers.
        static func blocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
            await withCheckedContinuation { continuation in Thread { continuation.resume(returning: work()) }.start() }
        }

        deinit { close(fd) }
    }

    @Test func aHalfSentRequestIsClosedAfterTheHeaderTimeoutAndOthersAreServed() async throws {
        // 3 s: the whole suite runs in this process at once, and a starved event loop could
        // otherwise time out a request it had not yet read (24,000 connections: scripts/faults.py).
        try await withOpenApp(.sqlite, configure: { $0.network.headerTimeout = .seconds(3) }) { app in
            let port = try #require(app.client.port)
            let slow = try RawConnection(port: port)
            slow.send("GET /heal")
            let began = Date()
            // A connection of its own, opened now: the test client's, opened earlier, may sit
            // idle past the timeout on a loaded machine and be closed (as it should).
            let other = try RawConnection(port: port)
            other.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(await RawConnection.blocking { other.readAll() }.hasPrefix("HTTP/1.1 200"), "another client is served meanwhile")
            #expect(await RawConnection.blocking { slow.closedByServer() }, "closed by the server")
            let waited = Date().timeIntervalSince(began)
            #expect(waited >= 2.5 && waited < 30, "after about the header timeout: \(waited) s")
        }
    }

    @Test func pastTheCapANewConnectionIsClosedAtOnce() async throws {
        try await withOpenApp(.sqlite, configure: { $0.network.maxConnections = 16 }) { app in
            let port = try #require(app.client.port)
            // The test client holds one connection; fill the rest.
            var held: [RawConnection] = []
            for _ in 0..<20 { held.append(try RawConnection(port: port)) }
            let refused = await RawConnection.blocking { [held] in
                held.filter { connection in
                    connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                    return connection.closedByServer()
                }
            }
            #expect(refused.count >= 4 && refused.count <= 5, "\(refused.count) of 20 closed at once")
        }
    }

    /// SQLite out of room (its page limit lowered to what the file holds: the same
    /// SQLITE_FULL a full disk gives): 503 with Retry-After, nothing half-written, and the
    /// next submission once there is room again goes through. PostgreSQL stopped and started:
    /// scripts/faults.py in CI.
    @Test func aFullDatabaseIsA503AndRecoversWithoutARestart() async throws {
        try await withOpenApp(.sqlite) { app in
            let employer = try await TestAccounts.employer("Acme", on: app.store)
            let token = try await app.store.accounts.issueToken(for: employer).token
            let sql = try #require(app.store.database as? any SQLDatabase)
            func submit(_ n: Int) async throws -> TestResponse {
                let body = #"{"entryId": "cfa", "holder": {"name": "Ana \#(n)", "nationality": "BR"}, "certificateNumber": "C-\#(n)", "holderConsent": true}"#
                return try await app.client.execute(
                    uri: "/api/v1/verification-requests", method: .post,
                    headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: ByteBuffer(string: body))
            }
            #expect(try await submit(0).status == .created)
            let pages = try #require(try await sql.raw("PRAGMA page_count").first()?.decode(column: "page_count", as: Int.self))
            _ = try await sql.raw("PRAGMA max_page_count = \(unsafeRaw: String(pages))").all()
            var refused: TestResponse?
            for n in 1...40 {
                let response = try await submit(n)
                if response.status != .created { refused = response; break }
            }
            let full = try #require(refused, "the database never filled")
            #expect(full.status == .serviceUnavailable && full.headers[.retryAfter] == "60")
            #expect((try full.jsonObject()["error"] as? [String: Any])?["code"] as? String == "storage_full")
            _ = try await sql.raw("PRAGMA max_page_count = 1073741823").all()
            #expect(try await submit(99).status == .created, "room again: no restart needed")
            #expect(try await app.store.auditLog.verify() == nil)
        }
    }
}
