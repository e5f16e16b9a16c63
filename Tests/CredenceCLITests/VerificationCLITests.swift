import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import SQLKit
import Testing

/// The verification parts of the command line, and durability under SIGKILL.
@Suite struct VerificationCLITests {
    static func openStore(_ configuration: StoreConfiguration) async throws -> Store {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
    }

    /// A completed request's receipt, written as the API serves it.
    static func receiptFile(_ store: Store, in folder: URL) async throws -> URL {
        let employer = try await TestAccounts.employer("Acme", on: store)
        let officer = try await TestAccounts.staff(.officer, on: store).0
        let catalog = try await store.loadCatalog()
        let draft = VerificationDraft(entryId: "acca", holderName: "Chen Jia", holderNationality: "SG", certificateNumber: "ACCA-9",
                                      holderConsent: true)
        let request = try await store.verifications.submit(draft, by: employer, catalog: catalog)
        _ = try await store.verifications.act(.accept, on: request.id, by: officer, catalog: catalog)
        _ = try await store.verifications.act(.complete, on: request.id, by: officer, .init(outcome: .authentic), catalog: catalog)
        let signed = try await store.verifications.receipt(of: request.id, for: employer)
        let document = JSONValue.object(["receipt": signed.receipt, "signature": .string(signed.signature), "keyId": .string(signed.keyId)])
        let file = folder.appendingPathComponent("receipt.json")
        try CanonicalJSON.data(document).write(to: file)
        return file
    }

    @Test(arguments: TestDatabase.available)
    func receiptsAndTheAuditLogAreCheckedOffline(database: TestDatabase) async throws {
        try await database.withFreshStore { configuration in
            let environment = CredenceStoreEnvironment(configuration)
            try await withTemporaryFolder("receipt") { folder in
                let store = try await Self.openStore(configuration)
                let file = try await Self.receiptFile(store, in: folder)
                let publicKey = store.keys.signer.publicKey.base64EncodedString()

                let valid = try CLITests.run(["receipt", "verify", file.path, "--public-key", publicKey], store: environment)
                #expect(valid.status == 0)
                #expect(valid.stdout.hasPrefix("valid\nrequest "), "says what it verified: \(valid.stdout)")
                #expect(valid.stdout.contains(": authentic, acca, certificate ACCA-9"))
                let text = try String(contentsOf: file, encoding: .utf8)
                try text.replacingOccurrences(of: "\"authentic\"", with: "\"not_authentic\"").write(to: file, atomically: true, encoding: .utf8)
                let changed = try CLITests.run(["receipt", "verify", file.path, "--public-key", publicKey], store: environment)
                #expect(changed.status == 1)
                #expect(changed.stderr.hasPrefix("invalid: "))
                try text.write(to: file, atomically: true, encoding: .utf8)

                // Finding 1: a second "receipt" appended, as every reader but the first-key one
                // would read it, is refused — not "valid".
                let signed = try #require(try StrictJSON.parse(Array(text.utf8))["receipt"])
                guard case .object(var forged) = signed else { Issue.record("no receipt"); return }
                forged["outcome"] = .string("not_authentic")
                let duplicate = String(text.dropLast()) + ",\"receipt\":" + String(decoding: try CanonicalJSON.data(JSONValue.object(forged)), as: UTF8.self) + "}"
                try duplicate.write(to: file, atomically: true, encoding: .utf8)
                let forgedRun = try CLITests.run(["receipt", "verify", file.path, "--public-key", publicKey], store: environment)
                #expect(forgedRun.status == 1)
                #expect(forgedRun.stderr.contains("appears twice"), "\(forgedRun.stderr)")
                try text.write(to: file, atomically: true, encoding: .utf8)
                let otherKey = Data(repeating: 7, count: 32).base64EncodedString()
                #expect(try CLITests.run(["receipt", "verify", file.path, "--public-key", otherKey], store: environment).status == 1)
                #expect(try CLITests.run(["receipt", "verify", folder.appendingPathComponent("none.json").path], store: environment).status == 1)

                // The code as a person types it: lower case, spaces, no hyphens (issue 43).
                guard case .string(let code)? = try StrictJSON.parse(Array(text.utf8))["receipt"]?["verificationCode"] else {
                    Issue.record("the receipt has no code"); return
                }
                let typed = " " + code.lowercased().replacingOccurrences(of: "-", with: " ") + " "
                let found = try CLITests.run(["verify", typed], store: environment)
                #expect(found.status == 0, "\(found.stderr)")
                #expect(found.stdout.hasPrefix("\(code): authentic, "), "\(found.stdout)")
                let json = try CLITests.run(["verify", typed, "--format", "json"], store: environment)
                #expect(json.stdout.contains("\"code\":\"\(code)\""), "\(json.stdout)")
                let missing = try CLITests.run(["verify", "tj-aaaaa-aaaaa"], store: environment)
                #expect(missing.status == 1)
                #expect(missing.stderr.contains("'tj-aaaaa-aaaaa'"), "quotes what was typed: \(missing.stderr)")

                let intact = try CLITests.run(["audit", "verify"], store: environment)
                #expect(intact.status == 0, "\(intact.stderr)")
                #expect(intact.stdout.hasPrefix("intact: "))
                let sql = try #require(store.database as? any SQLDatabase)
                try await sql.raw("UPDATE audit_events SET email = 'someone@else.example' WHERE seq = 4").run()
                await store.close()
                let broken = try CLITests.run(["audit", "verify"], store: environment)
                #expect(broken.status == 1)
                #expect(broken.stderr.contains("broken at event 4"))
            }
        }
    }

    /// A submission acknowledged with 201, then the server killed with SIGKILL: after a
    /// restart the request is there, whole.
    @Test func anAcknowledgedSubmissionSurvivesSIGKILL() async throws {
        try await TestDatabase.sqlite.withFreshStore { configuration in
            let environment = CredenceStoreEnvironment(configuration)
            let store = try await Self.openStore(configuration)
            let employer = try await TestAccounts.employer("Acme", on: store)
            let token = try await store.accounts.issueToken(for: employer).token
            await store.close()

            let port = try Self.freePort()
            var server = try Self.serve(port: port, environment)
            defer { server.stop() }
            try await Self.waitUntilHealthy(port)
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/verification-requests")!)
            request.httpMethod = "POST"
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(#"{"entryId": "cka", "holder": {"name": "Jan Kowalski", "nationality": "PL"}, "certificateNumber": "LF-1", "holderConsent": true}"#.utf8)
            let (data, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 201)
            let id = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["id"] as? String)

            server.signal(SIGKILL)
            #expect(server.endedBySignal)

            server = try Self.serve(port: port, environment)
            try await Self.waitUntilHealthy(port)
            var get = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/verification-requests/\(id)")!)
            get.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            let (again, answer) = try await URLSession.shared.data(for: get)
            #expect((answer as? HTTPURLResponse)?.statusCode == 200)
            let body = try JSONSerialization.jsonObject(with: again) as? [String: Any]
            #expect(body?["status"] as? String == "submitted")
            #expect((body?["history"] as? [Any])?.count == 1)
            server.stop()
        }
    }

    static func serve(port: Int, _ environment: CredenceStoreEnvironment) throws -> ChildProcess {
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "DATABASE_URL")
        variables.merge(environment.variables) { $1 }
        ChildProcess.starting.lock()
        defer { ChildProcess.starting.unlock() }
        return try ChildProcess(CLITests.executable.path, ["serve", "--port", String(port), "--log-level", "warning"], environment: variables,
                                stdin: nil, stdout: nil, stderr: nil)
    }

    /// A port nobody listens on now: the kernel picks one for a socket bound to port 0.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw CocoaError(.fileWriteUnknown) }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func waitUntilHealthy(_ port: Int) async throws {
        // Generous: on a loaded two-core machine the debug binary can take seconds to start.
        for _ in 0..<300 {
            if let (_, response) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/healthz")!),
               (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the server did not answer on port \(port)")
    }
}
