import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// An edition retiring an entry with completed requests alerts their employers (issue 16):
/// the webhook outbox, the mail outbox and the dashboard, in the transaction that puts it in force.
@Suite struct CatalogAlertsTests {
    @Test(arguments: TestDatabase.available)
    func retiringAnEntryAlertsTheEmployersOfItsResults(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let store = app.store
            let employer = try await TestAccounts.employer("Acme", on: store)
            let bystander = try await TestAccounts.employer("Bystander", on: store)
            let officer = try await TestAccounts.staff(.officer, on: store).0
            let admin = try await TestAccounts.staff(.admin, on: store).0
            _ = try await store.webhooks.register(url: "http://127.0.0.1:9/hook", for: employer)
            let catalog = try await store.loadCatalog()
            func completed(_ by: Account, _ entry: String) async throws -> VerificationRequest {
                let request = try await store.verifications.submit(
                    VerificationDraft(entryId: entry, holderName: "Ana Souza", holderNationality: "BR", certificateNumber: "N-\(entry)", holderConsent: true),
                    by: by, catalog: catalog)
                _ = try await store.verifications.act(.accept, on: request.id, by: officer, catalog: catalog)
                return try await store.verifications.act(.complete, on: request.id, by: officer, .init(outcome: .authentic), catalog: catalog)
            }
            let affected = try await completed(employer, "cfa")
            _ = try await completed(bystander, "cka")
            let mailsBefore = try await store.mails.pending(), hooksBefore = try await store.webhooks.pending()

            _ = try await store.editions.createDraft(id: "tianjin-2024", jurisdiction: "tianjin", title: .init(zh: "2024", en: "2024"),
                                                     basedOn: "tianjin-2023", by: admin)
            try await store.editions.retire("cfa", from: "tianjin-2024", reason: .membershipLevel, note: "no longer meets the bar", by: admin)
            try await TestSignOff.approveAll("tianjin-2024", on: store)
            _ = try await store.editions.publish("tianjin-2024", noticeRef: "津人社规〔2024〕1号", issuedOn: .today(at: Date()),
                                                 effectiveOn: .today(at: Date()), by: admin)

            #expect(try await store.webhooks.pending() == hooksBefore + 1, "one webhook message, to the employer with a cfa result")
            #expect(try await store.mails.pending() == mailsBefore + 1, "one mail")
            let alerts = try await store.verifications.catalogAlerts(for: employer)
            #expect(alerts.count == 1 && alerts.first?.event == "entry.retired" && alerts.first?.requests == [affected.id])
            #expect(alerts.first?.reason == .membershipLevel && alerts.first?.note == "no longer meets the bar")
            #expect(try await store.verifications.catalogAlerts(for: bystander).isEmpty)

            let deliveries = try await store.webhooks.due().flatMap { $0 }
            let payload = try #require(deliveries.first { $0.body.contains("entry.retired") }?.body)
            #expect(payload.contains(affected.id.uuidString.lowercased()) && payload.contains("\"toEdition\":\"tianjin-2024\""))
        }
    }
}
