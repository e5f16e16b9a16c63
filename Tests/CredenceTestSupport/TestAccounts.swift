import CredenceApp
import CredenceMail
import CredenceCore
import CredenceStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// The application served over HTTP with its store and access table at hand, for tests
/// that need to make accounts or walk the routes.
public struct OpenApp: Sendable {
    public let client: any TestClientProtocol
    public let store: Store
    public let access: AccessTable
    /// Every route the router has: (method, path) as `GET /api/v1/me`.
    public let routes: [String]
}

public func withOpenApp<T: Sendable>(_ database: TestDatabase, clock: TestClock = TestClock(),
                                     configure: (inout AppConfiguration) -> Void = { _ in },
                                     _ body: @Sendable (OpenApp) async throws -> T) async throws -> T {
    try await database.withFreshStore { store in
        var configuration = AppConfiguration(hostname: "127.0.0.1", port: 0, store: store, logLevel: .warning, benchmarkRoutes: false)
        configuration.passwordCost = TestPasswords.cost
        configuration.clock = clock.now
        configuration.backgroundWork = false
        // The test client may open a connection well before its first request.
        configuration.network.headerTimeout = .seconds(300)
        // Never the working directory's data folder: each app its own, like its database.
        configuration.mailFolder = MailFolder(folder: FileManager.default.temporaryDirectory.appendingPathComponent("credence-mail-\(UUID())"))
        configure(&configuration)
        let built = try await BuiltApplication.build(configuration)
        let (store, access) = (built.store, built.access)
        let routes = built.routes.map { "\($0.method) \($0.path)" }
        // The store closes when the application shuts down, as in service; when the test
        // fails the shutdown is cut short, so it is closed here too (closing is idempotent).
        do {
            return try await built.application.test(.live) { client in
                try await body(OpenApp(client: client, store: store, access: access, routes: routes))
            }
        } catch {
            await store.close()
            throw error
        }
    }
}

/// Accounts for tests, made the way users make them.
public enum TestAccounts {
    public static let password = "a long test passphrase"

    /// A valid credit code: 17 characters and their check character.
    public static func creditCode(_ first17: String = "91120116MA05T2XQ1") -> String {
        first17 + String(UnifiedSocialCreditCode.checkCharacter(for: first17)!)
    }

    public static func employer(_ name: String, on store: Store) async throws -> Account {
        try await store.accounts.registerEmployer(
            EmployerRegistration(
                organizationName: name, unifiedSocialCreditCode: creditCode(), contactName: "Contact of \(name)",
                email: "hr@\(name.lowercased().filter(\.isLetter)).example", phone: "+86 22 1234 5678", password: password),
            address: "test")
    }

    public static func staff(_ role: Role, on store: Store) async throws -> (Account, TOTP) {
        try await store.accounts.createStaff(role: role, email: "\(role.rawValue)@credence.example", name: "The \(role.rawValue)",
                                             password: password, department: role == .reviewer ? "hrss" : nil)
    }
}

/// Headers and form fields that pass the CSRF check: the same token as cookie and field.
public enum TestForms {
    public static let csrf = "test-csrf-token-0123456789abcdefghijklmnopq"

    public static func headers(session: String? = nil) -> HTTPFields {
        var cookies = ["credence_csrf=\(csrf)"]
        if let session { cookies.append("credence_session=\(session)") }
        return [.contentType: "application/x-www-form-urlencoded", .cookie: cookies.joined(separator: "; ")]
    }

    public static func body(_ fields: [(String, String)], csrf: String? = TestForms.csrf) -> ByteBuffer {
        let all = (csrf.map { [("csrf", $0)] } ?? []) + fields
        let allowed = CharacterSet.alphanumerics.subtracting(CharacterSet(charactersIn: "+&=")).union(CharacterSet(charactersIn: "-._~"))
        return ByteBuffer(string: all.map { key, value in
            key + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&"))
    }
}

/// Requests for tests, made the way employers and officers make them.
public enum TestRequests {
    /// A CFA holder's request (Ana Souza, CFA-9) completed authentic by an officer: its verification code.
    public static func completedAuthentic(on store: Store) async throws -> (request: VerificationRequest, code: String) {
        let employer = try await TestAccounts.employer("Acme", on: store)
        let officer = try await TestAccounts.staff(.officer, on: store).0
        let catalog = try await store.loadCatalog()
        let request = try await store.verifications.submit(
            VerificationDraft(entryId: "cfa", holderName: "Ana Souza", holderNationality: "BR", certificateNumber: "CFA-9", holderConsent: true),
            by: employer, catalog: catalog)
        _ = try await store.verifications.act(.accept, on: request.id, by: officer, catalog: catalog)
        let done = try await store.verifications.act(.complete, on: request.id, by: officer, .init(outcome: .authentic), catalog: catalog)
        return (done, done.verificationCode ?? "")
    }
}

/// The departments' sign-off for tests: a draft submitted, and every required department's
/// reviewer approving it, as reviewers do (issue 34).
public enum TestSignOff {
    public static func approveAll(_ edition: String, on store: Store) async throws {
        let tag = UUID().uuidString.prefix(8).lowercased()
        let admin = try await store.accounts.createStaff(role: .admin, email: "signoff-admin-\(tag)@credence.example", name: "Sign-off admin",
                                                         password: TestAccounts.password).0
        _ = try await store.editions.requestSignOff(edition, by: admin)
        for department in try await store.editions.departments() where department.part == .required {
            let reviewer = try await reviewer(department.id, tag: tag, on: store)
            _ = try await store.editions.answer(edition, .approve, comment: nil, by: reviewer)
        }
    }

    public static func reviewer(_ department: String, tag: String = UUID().uuidString.prefix(8).lowercased(), on store: Store) async throws -> Account {
        try await store.accounts.createStaff(role: .reviewer, email: "reviewer-\(department)-\(tag)@credence.example", name: "Reviewer \(department)",
                                             password: TestAccounts.password, department: department).0
    }
}
