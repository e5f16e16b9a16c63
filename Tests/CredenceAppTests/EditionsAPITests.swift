import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// Dynamic management of the catalog over HTTP, on every database this run has.
@Suite struct EditionsAPITests {
    static let newEntry = #"{"id": "pmp", "name": {"zh": "项目管理专业人士", "en": "Project Management Professional (PMP)"}, "abbreviations": ["PMP"], "region": {"zh": "美国", "en": "United States"}, "issuer": {"zh": "项目管理协会", "en": "Project Management Institute"}, "fields": ["engineering"], "remarks": {"zh": "从事项目管理相关工作。", "en": "Works in project management."}, "titleLevel": null, "minExperienceYears": null, "requiresLocalRegistration": false}"#

    static func admin(_ app: OpenApp) async throws -> HTTPFields {
        let admin = try await TestAccounts.staff(.admin, on: app.store).0
        return [.authorization: "Bearer \(try await app.store.accounts.issueToken(for: admin).token)", .contentType: "application/json"]
    }

    static func send(_ app: OpenApp, _ method: HTTPRequest.Method, _ uri: String, _ headers: HTTPFields, _ body: String? = nil) async throws
        -> TestResponse
    {
        try await app.client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    @Test(arguments: TestDatabase.available)
    func anAdministratorTakes2023To2024AndThePublicSeesIt(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let admin = try await Self.admin(app)
            let created = try await Self.send(app, .post, "/api/v1/editions", admin,
                #"{"id": "tianjin-2024", "jurisdiction": "tianjin", "title": {"zh": "天津市境外职业资格认可目录（2024年版）", "en": "Tianjin Catalog (2024 edition)"}, "basedOn": "tianjin-2023"}"#)
            #expect(created.status == .created)
            #expect(try created.jsonObject()["status"] as? String == "draft")
            #expect(try created.jsonObject()["entryCount"] as? Int == 27)
            // Drafts are not public.
            #expect(try await Self.send(app, .get, "/api/v1/editions/tianjin-2024", [:]).status == .notFound)
            let publicList = try await Self.send(app, .get, "/api/v1/editions", [:]).jsonObject()
            #expect((publicList["editions"] as? [[String: Any]])?.count == 1)
            // Public answers are kept per catalog; ask now, so the checks after publishing show them replaced.
            #expect((try await Self.send(app, .get, "/api/v1/search?q=PMP", [:]).jsonObject()["results"] as? [Any])?.isEmpty == true)
            #expect(try await Self.send(app, .get, "/entries/itil-expert", [:]).status == .ok)
            #expect(try await Self.send(app, .get, "/catalog", [:]).text.contains("Project Management Professional") == false)

            let retired = try await Self.send(app, .post, "/api/v1/editions/tianjin-2024/entries/itil-expert/retire", admin,
                                              #"{"reason": "practice_ability", "note": "Superseded by ITIL 4 designations."}"#)
            #expect(retired.status == .ok)
            let added = try await Self.send(app, .post, "/api/v1/editions/tianjin-2024/entries", admin, Self.newEntry)
            #expect(added.status == .created)
            #expect(try added.jsonObject()["seq"] as? Int == 28, "seq omitted: after the last")
            var cfa: [String: Any] = try await Self.send(app, .get, "/api/v1/entries/cfa", [:]).jsonObject()
            cfa["remarks"] = ["zh": "从事金融相关工作。", "en": "Works in finance."]
            let cfaBody = String(decoding: try JSONSerialization.data(withJSONObject: cfa), as: UTF8.self)
            #expect(try await Self.send(app, .put, "/api/v1/editions/tianjin-2024/entries/cfa", admin, cfaBody).status == .ok)
            // Published editions never change.
            #expect(try await Self.send(app, .put, "/api/v1/editions/tianjin-2023/entries/cfa", admin, cfaBody).status == .conflict)
            #expect(try await Self.send(app, .post, "/api/v1/editions/tianjin-2023/entries/cka/retire", admin, #"{"reason": "other"}"#).status == .conflict)
            // Bad input.
            #expect(try await Self.send(app, .post, "/api/v1/editions/tianjin-2024/entries", admin, Self.newEntry).status == .conflict, "same id twice")
            let badEntry = try await Self.send(app, .post, "/api/v1/editions/tianjin-2024/entries", admin,
                                               Self.newEntry.replacingOccurrences(of: #""fields": ["engineering"]"#, with: #""fields": []"#).replacingOccurrences(of: "pmp", with: "pmp2"))
            #expect(badEntry.status == .unprocessableContent)
            #expect((try badEntry.jsonObject()["error"] as? [String: Any])?["field"] as? String == "fields")
            #expect(try await Self.send(app, .post, "/api/v1/editions/tianjin-2024/entries/nope/retire", admin, #"{"reason": "issuance"}"#).status == .notFound)
            #expect(try await Self.send(app, .post, "/api/v1/editions/tianjin-2024/entries/cka/retire", admin, #"{"reason": "boredom"}"#).status == .unprocessableContent)

            try await TestSignOff.approveAll("tianjin-2024", on: app.store)
            let published = try await Self.send(app, .post, "/api/v1/editions/tianjin-2024/publish", admin,
                                                #"{"noticeRef": "津人社规〔2024〕1号", "issuedOn": "2024-12-20", "effectiveOn": "2024-12-20"}"#)
            #expect(published.status == .ok)
            #expect(try published.jsonObject()["status"] as? String == "in_force")
            #expect(try published.jsonObject()["supersedes"] as? String == "tianjin-2023")
            #expect(try await Self.send(app, .post, "/api/v1/editions/tianjin-2024/publish", admin,
                                        #"{"noticeRef": "x", "issuedOn": "2024-12-20", "effectiveOn": "2024-12-20"}"#).status == .conflict)

            // The public sees the new catalog at once: list, search, entries; 2023 stays readable.
            let editions = try await Self.send(app, .get, "/api/v1/editions", [:]).jsonObject()
            let statuses = Dictionary(uniqueKeysWithValues: ((editions["editions"] as? [[String: Any]]) ?? []).map { ($0["id"] as! String, $0["status"] as! String) })
            #expect(statuses == ["tianjin-2024": "in_force", "tianjin-2023": "superseded"])
            let entries = try await Self.send(app, .get, "/api/v1/entries", [:]).jsonObject()
            #expect(entries["edition"] as? String == "tianjin-2024")
            let ids = (entries["entries"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(ids.contains("pmp") && !ids.contains("itil-expert"))
            let search = try await Self.send(app, .get, "/api/v1/search?q=PMP", [:]).jsonObject()
            #expect(((search["results"] as? [[String: Any]])?.first?["entry"] as? [String: Any])?["id"] as? String == "pmp")
            #expect(try await Self.send(app, .get, "/entries/itil-expert", [:]).status == .notFound)
            #expect(try await Self.send(app, .get, "/catalog", [.cookie: "lang=en"]).text.contains("Project Management Professional"))
            #expect(try await Self.send(app, .get, "/catalog", [:]).text.contains("项目管理专业人士"))
            #expect(try await Self.send(app, .get, "/api/v1/entries/itil-expert?edition=tianjin-2023", [:]).status == .ok)
            let old = try await Self.send(app, .get, "/api/v1/editions/tianjin-2023", [:]).jsonObject()
            #expect((old["entries"] as? [Any])?.count == 27)
            // Benefits read the edition in force.
            #expect(try await app.client.post("/api/v1/benefits", #"{"qualifications": ["itil-expert"]}"#).status == .unprocessableContent)

            let diff = try await Self.send(app, .get, "/api/v1/editions/tianjin-2023/diff/tianjin-2024", [:]).jsonObject()
            #expect((diff["added"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["pmp"])
            let retiredList = try #require(diff["retired"] as? [[String: Any]])
            #expect(retiredList.count == 1)
            #expect(retiredList.first?["reason"] as? String == "practice_ability")
            #expect((retiredList.first?["entry"] as? [String: Any])?["id"] as? String == "itil-expert")
            let changed = try #require((diff["changed"] as? [[String: Any]])?.first)
            #expect(changed["id"] as? String == "cfa")
            #expect((changed["changes"] as? [[String: Any]])?.compactMap { $0["field"] as? String } == ["remarks.zh", "remarks.en"])

            let history = try await Self.send(app, .get, "/api/v1/entries/itil-expert/history", [:]).jsonObject()
            let lines = try #require(history["editions"] as? [[String: Any]])
            #expect(lines.compactMap { $0["edition"] as? String } == ["tianjin-2023", "tianjin-2024"])
            #expect(lines[0]["retired"] is NSNull && lines[1]["entry"] is NSNull)
            #expect((lines[1]["retired"] as? [String: Any])?["reason"] as? String == "practice_ability")

            let kinds = try await app.store.auditLog.events().map(\.kind)
            #expect(["edition.draft_created", "edition.entry_retired", "edition.entry_added", "edition.entry_changed", "edition.published"]
                .allSatisfy(kinds.contains))
            #expect(try await app.store.auditLog.verify() == nil)
        }
    }

    /// Two publishes of one draft at the same moment: one wins, the other is a conflict, and
    /// exactly one edition is in force.
    @Test(arguments: TestDatabase.available)
    func racingPublishesHaveOneWinner(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let admin = try await Self.admin(app)
            #expect(try await Self.send(app, .post, "/api/v1/editions", admin,
                #"{"id": "tianjin-2024", "jurisdiction": "tianjin", "title": {"zh": "2024", "en": "2024"}, "basedOn": "tianjin-2023"}"#).status == .created)
            let body = #"{"noticeRef": "津人社规〔2024〕1号", "issuedOn": "2024-12-20", "effectiveOn": "2024-12-20"}"#
            try await TestSignOff.approveAll("tianjin-2024", on: app.store)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await Self.send(app, .post, "/api/v1/editions/tianjin-2024/publish", admin, body).status.code }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted() == [200, 409, 409, 409])
            let catalog = try await app.store.loadCatalog()
            #expect(catalog.editions.filter { $0.status == .inForce }.map(\.id) == ["tianjin-2024"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFutureEffectiveDateWaitsForItsDay(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let admin = try await Self.admin(app)
            _ = try await Self.send(app, .post, "/api/v1/editions", admin,
                #"{"id": "tianjin-2030", "jurisdiction": "tianjin", "title": {"zh": "2030", "en": "2030"}, "basedOn": "tianjin-2023"}"#)
            try await TestSignOff.approveAll("tianjin-2030", on: app.store)
            let scheduled = try await Self.send(app, .post, "/api/v1/editions/tianjin-2030/publish", admin,
                                                #"{"noticeRef": "津人社规〔2030〕1号", "issuedOn": "2026-11-01", "effectiveOn": "2030-01-01"}"#)
            #expect(try scheduled.jsonObject()["status"] as? String == "scheduled")
            #expect(try await app.store.loadCatalog().inForce?.id == "tianjin-2023")
            #expect(try await app.store.editions.promoteDue() == false)
            let later = Editions(database: app.store.database, now: { Date(timeIntervalSince1970: 1_893_456_000 + 86_400) })  // 2030-01-02
            #expect(try await later.promoteDue() == true)
            let catalog = try await app.store.loadCatalog()
            #expect(catalog.inForce?.id == "tianjin-2030")
            #expect(catalog.edition("tianjin-2023")?.status == .superseded)
        }
    }

    @Test(arguments: TestDatabase.available)
    func importsAreAllOrNothingAndExportsRoundTrip(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let admin = try await Self.admin(app)
            let csv = try await Self.send(app, .get, "/api/v1/editions/tianjin-2023/export?format=csv", [:])
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with BOM")
            var bad = csv.text.replacingOccurrences(of: "cka,20,", with: "cka,twenty,")
            bad = bad.replacingOccurrences(of: ",planning,", with: ",city-planning,")
            let refused = try await Self.send(app, .post, "/api/v1/editions/import?format=csv&id=tianjin-bad&titleZh=%E5%9D%8F&titleEn=Bad",
                                              admin.merging([.contentType: "text/csv"]), bad)
            #expect(refused.status == .unprocessableContent)
            let rows = try #require(try refused.jsonObject()["rows"] as? [[String: Any]])
            #expect(Set(rows.compactMap { $0["row"] as? Int }) == [2, 3, 21])
            #expect(rows.contains { $0["field"] as? String == "seq" && $0["row"] as? Int == 21 })
            #expect(try await app.store.loadCatalog().edition("tianjin-bad") == nil, "nothing imported")

            let imported = try await Self.send(app, .post, "/api/v1/editions/import?format=csv&id=tianjin-copy&titleZh=%E5%89%AF%E6%9C%AC&titleEn=Copy",
                                               admin.merging([.contentType: "text/csv"]), csv.text)
            #expect(imported.status == .created)
            let json = try await Self.send(app, .get, "/api/v1/editions/tianjin-2023/export?format=json", [:])
            let renamed = json.text.replacingOccurrences(of: #""id":"tianjin-2023""#, with: #""id":"tianjin-json""#)
            #expect(try await Self.send(app, .post, "/api/v1/editions/import?format=json", admin, renamed).status == .created)
            // The same file as a multipart upload (`curl -F file=@edition.json`), the format from its name.
            let uploaded = try await app.client.execute(
                uri: "/api/v1/editions/import", method: .post, headers: Multipart.headers(admin),
                body: Multipart.body(fileName: "edition.json",
                                     bytes: Array(json.text.replacingOccurrences(of: #""id":"tianjin-2023""#, with: #""id":"tianjin-upload""#).utf8)))
            #expect(uploaded.status == .created, "\(uploaded.text)")
            let csvUpload = try await app.client.execute(
                uri: "/api/v1/editions/import?id=tianjin-csv-upload&titleZh=%E5%89%AF%E6%9C%AC&titleEn=Copy", method: .post,
                headers: Multipart.headers(admin), body: Multipart.body(fileName: "edition.csv", bytes: Array(csv.text.utf8)))
            #expect(csvUpload.status == .created, "\(csvUpload.text)")
            // A body it cannot read says how to send one.
            let empty = try await Self.send(app, .post, "/api/v1/editions/import", admin, "")
            #expect(empty.status == .badRequest && empty.text.contains("multipart/form-data field named file"))
            let noFile = try await app.client.execute(uri: "/api/v1/editions/import", method: .post, headers: Multipart.headers(admin),
                                                      body: ByteBuffer(string: "--\(Multipart.boundary)--\r\n"))
            #expect(noFile.status == .badRequest)
            let catalog = try await app.store.loadCatalog()
            for copy in ["tianjin-copy", "tianjin-json", "tianjin-upload", "tianjin-csv-upload"] {
                let diff = EditionDiff(from: "tianjin-2023", to: copy, old: catalog.entries(of: "tianjin-2023") ?? [],
                                       new: catalog.entries(of: copy) ?? [], retirements: [])
                #expect(diff.added.isEmpty && diff.retired.isEmpty && diff.changed.isEmpty, "\(copy): \(diff.changed.map(\.id))")
                #expect(catalog.edition(copy)?.status == .draft)
            }
        }
    }

    /// Two app instances on one PostgreSQL: a publish on one shows in the other's search
    /// after its next look at the catalog version.
    @Test(.enabled(if: TestDatabase.available.contains(.postgres)))
    func anotherInstanceSeesThePublish() async throws {
        try await TestDatabase.postgres.withFreshStore { configuration in
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let one = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
            let two = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
            let stateTwo = CatalogState(try await two.loadCatalog())
            let refresher = CatalogRefresher(store: two, state: stateTwo, logger: logger)
            let seen = try await two.editions.version()
            let admin = try await TestAccounts.staff(.admin, on: one).0
            _ = try await one.editions.createDraft(id: "tianjin-2024", jurisdiction: "tianjin", title: .init(zh: "2024", en: "2024"),
                                                   basedOn: "tianjin-2023", by: admin)
            let entry = try JSONDecoder().decode(Entry.self, from: Data(Self.newEntry.replacingOccurrences(of: "{\"id\"", with: "{\"seq\": 28, \"id\"").utf8))
            _ = try await one.editions.addEntry(entry, to: "tianjin-2024", by: admin)
            try await TestSignOff.approveAll("tianjin-2024", on: one)
            _ = try await one.editions.publish("tianjin-2024", noticeRef: "x", issuedOn: CalendarDate("2024-12-20")!,
                                               effectiveOn: CalendarDate("2024-12-20")!, by: admin)
            #expect(try stateTwo.current.search("PMP").hits.isEmpty, "not yet looked")
            _ = try await refresher.refresh(after: seen)
            #expect(try stateTwo.current.search("PMP").hits.first?.entry.id == "pmp")
            #expect(stateTwo.current.catalog.inForce?.id == "tianjin-2024")
            await one.close()
            await two.close()
        }
    }
}
