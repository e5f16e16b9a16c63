import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// An administrator takes 2023 to 2024 on the web; the public sees the diff and the history.
@Suite struct EditionsWebTests {
    @Test(arguments: TestDatabase.available)
    func anAdministratorPublishesANewEditionOnTheWeb(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let admin = try await TestAccounts.staff(.admin, on: app.store).0
            let session = try await app.store.accounts.openSession(for: admin)
            let english: HTTPFields = [.acceptLanguage: "en"]
            func post(_ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
                try await app.client.execute(uri: path, method: .post, headers: TestForms.headers(session: session).merging(english),
                                             body: TestForms.body(fields))
            }
            let created = try await post("/admin/editions", [("id", "tianjin-2024"), ("title.zh", "天津市境外职业资格认可目录（2024年版）"),
                                                             ("title.en", "Tianjin Catalog (2024 edition)"), ("basedOn", "tianjin-2023")])
            #expect(created.status == .seeOther)
            #expect(created.headers[.location] == "/admin/editions/tianjin-2024")
            #expect(try await post("/admin/editions/tianjin-2024/entries/itil-expert/retire", [("reason", "practice_ability"), ("note", "ITIL 4")]).status == .seeOther)
            let entry: [(String, String)] = [
                ("id", "pmp"), ("seq", ""), ("name.zh", "项目管理专业人士"), ("name.en", "Project Management Professional (PMP)"),
                ("abbreviations", "PMP"), ("region.zh", "美国"), ("region.en", "United States"), ("issuer.zh", "项目管理协会"),
                ("issuer.en", "Project Management Institute"), ("fields", "engineering"), ("remarks.zh", "从事项目管理相关工作。"),
                ("remarks.en", "Works in project management."), ("titleLevel", ""), ("minExperienceYears", ""), ("requiresLocalRegistration", "false"),
            ]
            let badEntry = try await post("/admin/editions/tianjin-2024/entries", entry.map { $0.0 == "fields" ? ("fields", "cooking") : $0 })
            #expect(badEntry.status == .unprocessableContent)
            #expect(badEntry.text.contains("Unknown field code: cooking"))
            #expect(try await post("/admin/editions/tianjin-2024/entries", entry).status == .seeOther)
            let draftPage = try await app.client.execute(uri: "/admin/editions/tianjin-2024", method: .get,
                                                         headers: TestForms.headers(session: session).merging(english))
            #expect(draftPage.text.contains("Project Management Professional") && draftPage.text.contains("Retired in this edition"))
            try await TestSignOff.approveAll("tianjin-2024", on: app.store)
            #expect(try await post("/admin/editions/tianjin-2024/publish", [("noticeRef", "津人社规〔2024〕1号"), ("issuedOn", "2024-12-20"),
                                                                             ("effectiveOn", "2024-12-20")]).status == .seeOther)
            let again = try await post("/admin/editions/tianjin-2024/entries/cka/retire", [("reason", "other")])
            #expect(again.status == .conflict)
            #expect(again.text.contains("published editions never change"))

            // The public: the catalog is the new one and says what changed.
            let catalog = try await app.client.execute(uri: "/catalog", method: .get, headers: english)
            #expect(catalog.text.contains("/entries/pmp") && !catalog.text.contains("/entries/itil-expert\""))
            #expect(catalog.text.contains("/editions/tianjin-2023/diff/tianjin-2024"))
            let diff = try await app.client.execute(uri: "/editions/tianjin-2023/diff/tianjin-2024", method: .get, headers: english)
            #expect(diff.status == .ok)
            #expect(diff.text.contains("1 added, 1 retired, 0 changed") && diff.text.contains("Practice ability"))
            let history = try await app.client.execute(uri: "/entries/itil-expert/history", method: .get, headers: english)
            #expect(history.text.contains("Retired: Practice ability — ITIL 4"))
            #expect(try await app.client.execute(uri: "/entries/nope/history", method: .get).status == .notFound)
        }
    }

    @Test func statisticsAreDrawnAndExported() async throws {
        try await withOpenApp(.sqlite) { app in
            let employer = try await TestAccounts.employer("Acme", on: app.store)
            let (officer, _) = try await TestAccounts.staff(.officer, on: app.store)
            let catalog = try await app.store.loadCatalog()
            for outcome in [VerificationOutcome.authentic, .unableToVerify] {
                let request = try await app.store.verifications.submit(
                    VerificationDraft(entryId: "cfa", holderName: "A B", holderNationality: "US", certificateNumber: "1", holderConsent: true),
                    by: employer, catalog: catalog)
                _ = try await app.store.verifications.act(.accept, on: request.id, by: officer, catalog: catalog)
                _ = try await app.store.verifications.act(.complete, on: request.id, by: officer, .init(outcome: outcome), catalog: catalog)
                if outcome == .authentic { _ = try await app.store.verifications.rate(request.id, score: 5, comment: nil, by: employer) }
            }
            let session = try await app.store.accounts.openSession(for: officer)
            let page = try await app.client.execute(uri: "/admin/statistics", method: .get,
                                                    headers: [.cookie: "credence_session=\(session)", .acceptLanguage: "en"])
            #expect(page.status == .ok)
            #expect(page.text.contains("<svg class=\"chart\"") && page.text.contains("50%"))
            let csv = try await app.client.execute(uri: "/admin/statistics.csv?by=body", method: .get, headers: [.cookie: "credence_session=\(session)"])
            #expect(csv.text.contains("cfa-institute,2,1,0,1,2,0.5000,") && csv.text.contains(",1,5.00\r\n"), "ratings per body")
            #expect(page.text.contains("5.00 (1)"))
            let statistics = try await app.store.verifications.statistics()
            #expect(statistics.byEntry.first?.requests == 2 && statistics.byEntry.first?.unableShare == 0.5)
        }
    }
}
