import CompressNIO
import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Results that travel (issue 15): the credential, the DID document, rotation, revocation
/// and the public check, through real HTTP on both databases.
@Suite struct CredentialsTests {
    struct Setup {
        var employer: String
        var officer: String
        var officerAccount: Account
        var id: String
    }

    /// An employer's request, completed authentic by an officer; bearer tokens for both.
    func completed(_ app: OpenApp, employer name: String = "Acme", officer: Account? = nil) async throws -> Setup {
        let store = app.store
        let employer = try await TestAccounts.employer(name, on: store)
        let officer = if let officer { officer } else { try await TestAccounts.staff(.officer, on: store).0 }
        let catalog = try await store.loadCatalog()
        let request = try await store.verifications.submit(
            VerificationDraft(entryId: "cfa", holderName: "Ana Souza", holderNationality: "BR", certificateNumber: "CFA-77", holderConsent: true),
            by: employer, catalog: catalog)
        _ = try await store.verifications.act(.accept, on: request.id, by: officer, catalog: catalog)
        _ = try await store.verifications.act(.complete, on: request.id, by: officer, .init(outcome: .authentic), catalog: catalog)
        return Setup(employer: try await store.accounts.issueToken(for: employer).token, officer: try await store.accounts.issueToken(for: officer).token,
                     officerAccount: officer, id: request.id.uuidString.lowercased())
    }

    func verify(_ app: OpenApp, _ body: [UInt8]) async throws -> [String: Any] {
        try await app.client.execute(uri: "/api/v1/credentials/verify", method: .post, body: ByteBuffer(bytes: body)).jsonObject()
    }

    func results(_ verdict: [String: Any]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (verdict["checks"] as? [[String: Any]] ?? []).map { ($0["check"] as! String, $0["result"] as! String) })
    }

    @Test(arguments: TestDatabase.available)
    func aCredentialVerifiesAndAnyChangeToItsSubjectFails(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let setup = try await completed(app)
            let answer = try await app.client.execute(uri: "/api/v1/verification-requests/\(setup.id)/credential", method: .get,
                                                      headers: [.authorization: "Bearer \(setup.employer)"])
            #expect(answer.status == .ok)
            let bytes = Array(buffer: answer.body)
            let credential = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            #expect((credential["@context"] as? [String])?.first == "https://www.w3.org/ns/credentials/v2")
            let subject = try #require(credential["credentialSubject"] as? [String: Any])
            #expect(subject["holderName"] as? String == "A** S****" && subject["certificateNumber"] as? String == "CFA-77")
            #expect((credential["credentialStatus"] as? [String: Any])?["type"] as? String == "BitstringStatusListEntry")
            #expect(results(try await verify(app, bytes)) == ["format": "pass", "issuer": "pass", "signature": "pass", "status": "pass", "validity": "pass"])

            // The same credential again: kept as issued, byte for byte.
            let again = try await app.client.execute(uri: "/api/v1/verification-requests/\(setup.id)/credential", method: .get,
                                                     headers: [.authorization: "Bearer \(setup.officer)"])
            #expect(Array(buffer: again.body) == bytes)

            let forged = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "CFA-77", with: "CFA-78")
            let verdict = try await verify(app, Array(forged.utf8))
            #expect(verdict["verified"] as? Bool == false && results(verdict)["signature"] == "fail")

            // Someone else's request is not found; an open one has no credential yet.
            let other = try await TestAccounts.employer("Other", on: app.store)
            let stranger = try await app.store.accounts.issueToken(for: other).token
            #expect(try await app.client.execute(uri: "/api/v1/verification-requests/\(setup.id)/credential", method: .get,
                                                 headers: [.authorization: "Bearer \(stranger)"]).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.available)
    func afterRotationEarlierCredentialsStillVerifyAndNewOnesNameTheNewKey(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let first = try await completed(app)
            let before = Array(buffer: try await app.client.execute(
                uri: "/api/v1/verification-requests/\(first.id)/credential", method: .get, headers: [.authorization: "Bearer \(first.employer)"]).body)
            let newKey = try await app.store.signingKeys.rotate()
            let second = try await completed(app, employer: "Second", officer: first.officerAccount)
            let after = Array(buffer: try await app.client.execute(
                uri: "/api/v1/verification-requests/\(second.id)/credential", method: .get, headers: [.authorization: "Bearer \(second.employer)"]).body)
            #expect(String(decoding: after, as: UTF8.self).contains(newKey.multibase))
            #expect(!String(decoding: before, as: UTF8.self).contains(newKey.multibase))
            #expect(try await verify(app, before)["verified"] as? Bool == true)
            #expect(try await verify(app, after)["verified"] as? Bool == true)
            let did = try await app.client.execute(uri: "/.well-known/did.json", method: .get).jsonObject()
            let methods = try #require(did["assertionMethod"] as? [String])
            #expect(methods.count == 2 && methods[0].hasSuffix(newKey.multibase), "every key, the current first")
        }
    }

    @Test(arguments: TestDatabase.available)
    func revokingSetsTheBitAndEveryCheckSaysSo(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let setup = try await completed(app)
            let credential = Array(buffer: try await app.client.execute(
                uri: "/api/v1/verification-requests/\(setup.id)/credential", method: .get, headers: [.authorization: "Bearer \(setup.employer)"]).body)
            let revoke: @Sendable (String) async throws -> TestResponse = { body in
                try await app.client.execute(uri: "/api/v1/verification-requests/\(setup.id)/revoke", method: .post,
                                             headers: [.authorization: "Bearer \(setup.officer)", .contentType: "application/json"],
                                             body: ByteBuffer(string: body))
            }
            #expect(try await revoke(#"{"reason": "because"}"#).status == .unprocessableContent)
            #expect(try await app.client.execute(uri: "/api/v1/verification-requests/\(setup.id)/revoke", method: .post,
                                                 headers: [.authorization: "Bearer \(setup.employer)", .contentType: "application/json"],
                                                 body: ByteBuffer(string: #"{"reason": "other"}"#)).status == .forbidden, "officers revoke")
            let revoked = try await revoke(#"{"reason": "certificate_revoked_by_issuer", "note": "CFA Institute withdrew it"}"#)
            #expect(revoked.status == .ok)
            #expect((try revoked.jsonObject()["revocation"] as? [String: Any])?["reason"] as? String == "certificate_revoked_by_issuer")
            #expect(try await revoke(#"{"reason": "other"}"#).status == .conflict, "revoking twice")

            let verdict = try await verify(app, credential)
            #expect(verdict["verified"] as? Bool == false && results(verdict)["status"] == "fail")
            let message = ((verdict["checks"] as? [[String: Any]])?.first { $0["check"] as? String == "status" }?["message"] as? [String: String])?["en"]
            #expect(message?.contains("certificate_revoked_by_issuer") == true)

            // The list: GZIP, base64url, at least 131,072 bits, this credential's bit set.
            let entry = try #require((try JSONSerialization.jsonObject(with: Data(credential)) as? [String: Any])?["credentialStatus"] as? [String: Any])
            let index = try #require(Int(entry["statusListIndex"] as? String ?? ""))
            let list = try await app.client.execute(uri: "/api/v1/status-lists/1", method: .get).jsonObject()
            let encoded = try #require((list["credentialSubject"] as? [String: Any])?["encodedList"] as? String)
            #expect(encoded.hasPrefix("u"))
            var base64 = String(encoded.dropFirst()).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
            var gzipped = ByteBuffer(bytes: try #require(Data(base64Encoded: base64)))
            let bits = Array(buffer: try gzipped.decompress(with: .gzip()))
            #expect(bits.count * 8 >= 131_072 && BitstringStatusList.isSet(bits, index))
            #expect(bits.reduce(0) { $0 + $1.nonzeroBitCount } == 1)
            #expect(try await verify(app, Array(try JSONSerialization.data(withJSONObject: list)))["verified"] as? Bool != nil)

            // The public check says revoked.
            let code = try #require(((try JSONSerialization.jsonObject(with: Data(credential)) as? [String: Any])?["credentialSubject"] as? [String: Any])?["verificationCode"] as? String)
            let page = try await app.client.execute(uri: "/verify/\(code)", method: .get)
            #expect(String(buffer: page.body).contains("Revoked") || String(buffer: page.body).contains("已撤销"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func badCredentialsGetAClearAnswer(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            for (body, failed) in [("not json", "format"), ("[]", "format"), (#"{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "issuer": "did:web:x", "credentialSubject": {}}"#, "format"),
                                   (#"{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "issuer": "did:web:elsewhere.example", "credentialSubject": {}, "proof": {}}"#, "issuer")] {
                let verdict = try await verify(app, Array(body.utf8))
                #expect(verdict["verified"] as? Bool == false && results(verdict)[failed] == "fail", "\(body)")
            }
            let setup = try await completed(app)
            let credential = String(buffer: try await app.client.execute(
                uri: "/api/v1/verification-requests/\(setup.id)/credential", method: .get, headers: [.authorization: "Bearer \(setup.employer)"]).body)
            let otherSuite = credential.replacingOccurrences(of: "eddsa-jcs-2022", with: "eddsa-rdfc-2022")
            #expect(results(try await verify(app, Array(otherSuite.utf8)))["signature"] == "fail")
            let huge = ByteBuffer(bytes: [UInt8](repeating: 0x20, count: (1 << 20) + 1))
            #expect(try await app.client.execute(uri: "/api/v1/credentials/verify", method: .post, body: huge).status == .contentTooLarge)
        }
    }
}
