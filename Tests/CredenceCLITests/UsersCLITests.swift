import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import Logging
import Testing

/// `credence users`: staff accounts made from the command line, with their second factor.
@Suite struct UsersCLITests {
    @Test(arguments: TestDatabase.available)
    func anOfficerIsCreatedListedAndDisabled(database: TestDatabase) async throws {
        try await database.withFreshStore { configuration in
            let store = CredenceStoreEnvironment(configuration)
            let created = try CLITests.run(
                ["users", "create", "--role", "officer", "--email", "Li.Ming@tj.example", "--name", "李明"], store: store,
                input: "officer passphrase 42\n")
            #expect(created.status == 0, "\(created.stderr)")
            let secretLine = try #require(created.stdout.split(separator: "\n").first { $0.contains("secret:") })
            let secret = String(secretLine.split(separator: " ").last ?? "")
            let totp = try #require(TOTP(base32: secret))
            #expect(created.stdout.contains("otpauth://totp/Credence"))
            #expect(!created.stdout.contains("officer passphrase 42"), "the password is never printed")

            // The officer can sign in with that secret's code, and only with it.
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let opened = try await Store.open(configuration, logger: logger, passwords: TestPasswords.hasher())
            let signedIn = try await opened.accounts.signIn(
                email: "li.ming@tj.example", password: "officer passphrase 42", totp: totp.code(at: Date().timeIntervalSince1970),
                address: "test")
            #expect(signedIn.role == .officer)
            await opened.close()

            let listed = try CLITests.run(["users", "list", "--format", "json"], store: store)
            let users = try #require((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])?["users"] as? [[String: Any]])
            #expect(users.count == 1)
            #expect(users[0]["email"] as? String == "li.ming@tj.example")
            #expect(users[0]["secondFactorConfirmed"] as? Bool == true)
            #expect(users[0]["organizationName"] is NSNull)

            #expect(try CLITests.run(["users", "set-role", "--email", "li.ming@tj.example", "--role", "admin"], store: store).status == 0)
            let disabled = try CLITests.run(["users", "disable", "--email", "li.ming@tj.example"], store: store)
            #expect(disabled.status == 0)
            let table = try CLITests.run(["users", "list"], store: store)
            #expect(table.stdout.contains("admin") && table.stdout.contains("disabled"))
        }
    }

    @Test func mistakesExitOneWithAMessage() async throws {
        try await TestDatabase.sqlite.withFreshStore { configuration in
            let store = CredenceStoreEnvironment(configuration)
            let create = ["users", "create", "--role", "officer", "--email", "a@tj.example", "--name", "A"]
            #expect(try CLITests.run(create, store: store, input: "good passphrase here\n").status == 0)
            let cases: [([String], String?, String)] = [
                (["users", "create", "--role", "employer", "--email", "b@tj.example", "--name", "B"], "good passphrase here\n", "--role must be officer, admin or reviewer"),
                (["users", "create", "--role", "reviewer", "--email", "r@tj.example", "--name", "R"], "good passphrase here\n", "--department is required"),
                (["users", "create", "--role", "reviewer", "--email", "r@tj.example", "--name", "R", "--department", "nope"], "good passphrase here\n",
                 "department must be one of the departments"),
                (["users", "create", "--role", "officer", "--email", "r@tj.example", "--name", "R", "--department", "hrss"], "good passphrase here\n",
                 "--department is only for reviewers"),
                (["users", "create", "--role", "officer", "--email", "b@tj.example", "--name", "B"], "1234567890\n", "commonest"),
                (["users", "create", "--role", "officer", "--email", "b@tj.example", "--name", "B"], "", "standard input"),
                (["users", "create", "--role", "officer", "--email", "not-an-email", "--name", "B"], "good passphrase here\n", "--email"),
                (create, "good passphrase here\n", "already exists"),
                (["users", "disable", "--email", "nobody@tj.example"], nil, "No account"),
                (["users", "set-role", "--email", "a@tj.example", "--role", "employer"], nil, "--role can only move staff"),
            ]
            for (arguments, input, message) in cases {
                let run = try CLITests.run(arguments, store: store, input: input)
                #expect(run.status == 1, "\(arguments)")
                #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            }
        }
    }
}
