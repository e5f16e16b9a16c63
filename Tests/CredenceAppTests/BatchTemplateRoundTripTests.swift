import CredenceApp
import CredenceCore
import CredenceSheets
import CredenceTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// What Credence writes, Credence reads (issue 44): the batch template, in each language and
/// format, uploaded as it was downloaded, is one request with the example row's values.
@Suite struct BatchTemplateRoundTripTests {
    @Test func theTemplateAsDownloadedIsABatchOfItsExample() async throws {
        try await withOpenApp(.sqlite) { app in
            let employer = try await TestAccounts.employer("Acme", on: app.store)
            let token = try await app.store.accounts.issueToken(for: employer).token
            for lang in ["zh", "en"] {
                for (format, type) in [("csv", "text/csv"), ("xlsx", XLSXWriter.mediaType)] {
                    let template = try await app.client.execute(uri: "/api/v1/verification-batches/template?lang=\(lang)&format=\(format)", method: .get)
                    #expect(template.status == .ok)
                    let created = try await app.client.execute(
                        uri: "/api/v1/verification-batches?lang=\(lang)", method: .post,
                        headers: [.authorization: "Bearer \(token)", .contentType: type], body: template.body)
                    #expect(created.status == .created, "\(lang) \(format): \(created.text.prefix(300))")
                    let id = try #require((try created.jsonObject()["requests"] as? [String])?.first, "\(lang) \(format)")
                    let request = try await app.client.execute(uri: "/api/v1/verification-requests/\(id)", method: .get,
                                                               headers: [.authorization: "Bearer \(token)"]).jsonObject()
                    let holder = request["holder"] as? [String: Any]
                    let example = BatchCSV.templateRows(lang == "zh" ? .zh : .en)[1]
                    #expect(request["entryId"] as? String == example[0] && holder?["name"] as? String == example[1], "\(lang) \(format)")
                    #expect(holder?["nationality"] as? String == example[2] && holder?["dateOfBirth"] as? String == example[3], "\(lang) \(format)")
                    #expect(request["certificateNumber"] as? String == example[5] && request["issuedOn"] as? String == example[6], "\(lang) \(format)")
                    // Withdrawn again, so the next upload of the same example is not a duplicate of an open request.
                    #expect(try await app.client.execute(uri: "/api/v1/verification-requests/\(id)/withdraw", method: .post,
                                                         headers: [.authorization: "Bearer \(token)"]).status == .ok)
                }
            }
        }
    }
}
