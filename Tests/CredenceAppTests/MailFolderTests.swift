import CredenceApp
import CredenceCore
import CredenceMail
import CredenceTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// Issue 43: on an install without SMTP, mail is not stuck in the outbox — each message is an
/// `.eml` file in the data folder, readable by administrators at `/admin/mail` (and only by them).
@Suite struct MailFolderTests {
    @Test(arguments: TestDatabase.available)
    func invitationWrittenAndReadByAdministrators(_ database: TestDatabase) async throws {
        try await withTemporaryFolder("mail") { folder in
            let mailFolder = MailFolder(folder: folder.appendingPathComponent("mail"))
            let clock = TestClock()
            try await withOpenApp(database, clock: clock, configure: { $0.mailFolder = mailFolder }) { app in
                let setup = try await HolderPlaceTests().invited(app)
                // `invited` claimed the outbox's messages; their lease runs out as a crashed sender's would.
                clock.advance(by: 120)
                let delivery = MailDelivery(store: app.store, transport: mailFolder, publicURL: "https://credence.example",
                                            entryName: { _, _ in BilingualText(zh: "特许金融分析师", en: "Chartered Financial Analyst") },
                                            logger: Logger(label: "test"))
                try await delivery.deliverDue()
                let files = try mailFolder.list()
                #expect(files.count >= 2, "the employer's status mail and the holder's invitation")
                let mails = try files.compactMap { try mailFolder.read($0.name).flatMap(WrittenMail.init) }
                #expect(mails.count == files.count, "every file reads back")
                let invitation = try #require(mails.first { $0.to == "ana.souza@example.com" })
                #expect(invitation.text.contains("https://credence.example/holder/\(setup.token)") && invitation.from == MailFolder.defaultFrom)
                #expect(try await app.store.mails.pending() == 0, "nothing waits in the outbox")
                let attributes = try FileManager.default.attributesOfItem(atPath: mailFolder.folder.appendingPathComponent(files[0].name).path)
                #expect((attributes[.posixPermissions] as? Int) == 0o600)

                let admin = try await app.store.accounts.openSession(for: try await TestAccounts.staff(.admin, on: app.store).0)
                let employer = try await app.store.accounts.openSession(for: setup.employer)
                let list = try await app.client.execute(uri: "/admin/mail", method: .get, headers: TestForms.headers(session: admin))
                #expect(list.status == .ok && String(buffer: list.body).contains(files[0].name))
                let name = try #require(files.first { try mailFolder.read($0.name).flatMap(WrittenMail.init)?.to == "ana.souza@example.com" }?.name)
                let page = try await app.client.execute(uri: "/admin/mail/\(name)", method: .get,
                                                        headers: TestForms.headers(session: admin).merging([.acceptLanguage: "en"]))
                #expect(page.status == .ok && String(buffer: page.body).contains("/holder/\(setup.token)"))
                let raw = try await app.client.execute(uri: "/admin/mail/\(name)?download=1", method: .get, headers: TestForms.headers(session: admin))
                #expect(raw.headers[.contentType] == "message/rfc822" && String(buffer: raw.body).hasPrefix("From: "))
                #expect(try await app.store.accounts.auditEvents().contains { $0.kind == "mail.read" && $0.detail == name })
                for path in ["/admin/mail", "/admin/mail/\(name)"] {
                    let refused = try await app.client.execute(uri: path, method: .get, headers: TestForms.headers(session: employer))
                    #expect(refused.status == .forbidden || refused.status == .notFound, "\(path)")
                }
                for probe in ["..%2Fcredence.sqlite", "x.eml", "20261206T000000Z-00000000-0000-0000-0000-000000000000.eml"] {
                    let missing = try await app.client.execute(uri: "/admin/mail/\(probe)", method: .get, headers: TestForms.headers(session: admin))
                    #expect(missing.status == .notFound, "\(probe)")
                }
            }
        }
    }

    @Test func writtenMailReadsWhatMailMessageWrites() throws {
        let message = MailMessage(from: "a@b.example", to: "c@d.example", subject: "查验申请：已提交 / Verification request: Submitted",
                                  text: "您好\nHello — line two", html: "<p>x</p>", date: Date(timeIntervalSince1970: 1_800_000_000),
                                  messageID: "\(UUID().uuidString.lowercased())@credence.example")
        let read = try #require(WrittenMail(Data(message.file.utf8)))
        #expect(read.subject == message.subject && read.text == message.text && read.to == "c@d.example")
        #expect(WrittenMail(Data("garbage".utf8)) == nil)
    }
}
