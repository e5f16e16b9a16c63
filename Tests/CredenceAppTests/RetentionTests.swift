import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing

/// Personal data kept no longer than needed (issue 13, PIPL art. 19).
@Suite struct RetentionTests {
    @Test(arguments: TestDatabase.available)
    func finishedRequestsLoseTheirPersonalDataAfterTheRetentionPeriod(database: TestDatabase) async throws {
        let clock = TestClock()
        try await withOpenApp(database, clock: clock) { app in
            let store = app.store
            let employer = try await TestAccounts.employer("Acme", on: store)
            let catalog = try await store.loadCatalog()
            func submit(_ n: Int) async throws -> VerificationRequest {
                try await store.verifications.submit(
                    VerificationDraft(entryId: "cfa", holderName: "Ana Souza \(n)", holderNationality: "BR", holderDateOfBirth: "1990-01-0\(n + 1)",
                                      passportNumber: "FA12345\(n)", certificateNumber: "C-\(n)", holderConsent: true),
                    by: employer, catalog: catalog)
            }
            let (withdrawn, open) = (try await submit(1), try await submit(2))
            _ = try await store.verifications.attach(fileName: "a.pdf", bytes: Array("%PDF-1.4\nretention".utf8), to: withdrawn.id, by: employer)
            _ = try await store.verifications.act(.withdraw, on: withdrawn.id, by: employer, catalog: catalog)
            let policy = RetentionPolicy(days: 180)

            clock.advance(by: 179 * 86_400)
            #expect(try await store.verifications.dueForErasure(policy).isEmpty, "not yet")
            clock.advance(by: 2 * 86_400)
            let due = try await store.verifications.dueForErasure(policy)
            #expect(due.map(\.id) == [withdrawn.id] && due.first?.attachments == 1, "only the finished one")
            #expect(try await store.verifications.erase(policy).map(\.id) == [withdrawn.id])
            #expect(try await store.verifications.erase(policy).isEmpty, "erased once")

            let after = try await store.verifications.request(withdrawn.id, for: employer)
            #expect(after.passportNumber == nil && after.passportMasked == nil && after.holderDateOfBirth == nil)
            #expect(after.attachments.isEmpty && after.holderName == Masking.name("Ana Souza 1"))
            #expect(after.erasure?.afterDays == 180 && after.status == .withdrawn && after.certificateNumber == "C-1")
            let untouched = try await store.verifications.request(open.id, for: employer)
            #expect(untouched.passportNumber == "FA123452" && untouched.holderDateOfBirth == "1990-01-03" && untouched.erasure == nil)

            let sql = try #require(store.database as? any SQLDatabase)
            let left = try await sql.raw("SELECT passport_sealed, holder_date_of_birth FROM verification_requests WHERE id = \(bind: withdrawn.id)").first()
            #expect(try left?.decode(column: "passport_sealed", as: String?.self) == nil)
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM attachments").first()?.decode(column: "n", as: Int.self) == 0)
            #expect(try await store.auditLog.verify() == nil, "the chain still verifies")
            #expect(try await store.accounts.auditEvents().contains { $0.kind == "personal_data.erased" })

            // The API and the page say so where the data was.
            let token = try await store.accounts.issueToken(for: employer).token
            let answer = try await app.client.execute(uri: "/api/v1/verification-requests/\(withdrawn.id.uuidString.lowercased())",
                                                      method: .get, headers: [.authorization: "Bearer \(token)"])
            let json = try answer.jsonObject()
            let holder = try #require(json["holder"] as? [String: Any])
            #expect(holder["passportNumber"] is NSNull && holder["dateOfBirth"] is NSNull)
            #expect((json["personalDataErased"] as? [String: Any])?["afterDays"] as? Int == 180)
        }
    }
}
