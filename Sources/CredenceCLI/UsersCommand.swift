import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// `credence users create|list|disable|set-role`: staff accounts, made where only an
/// operator can reach — the machine running Credence.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Officers and administrators: create them, list everyone, disable an account.",
        subcommands: [Create.self, List.self, Disable.self, SetRole.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an officer, administrator or a department's reviewer. The password is read from standard input; the TOTP secret is printed once.")

        @Option(help: "officer, admin or reviewer.") var role: String
        @Option(help: "Their email; they sign in with it.") var email: String
        @Option(help: "Their name.") var name: String
        @Option(help: "A reviewer's department (GET /api/v1/departments): hrss, ftz, planning, finance, science, market, police.")
        var department: String?

        func run() async throws {
            guard let role = Role(rawValue: role), role == .officer || role == .admin || role == .reviewer else {
                throw UserError(message: "--role must be officer, admin or reviewer; got '\(role)'. Employers register themselves.")
            }
            if role == .reviewer, department == nil { throw UserError(message: "--department is required for a reviewer: the id of their department.") }
            if role != .reviewer, department != nil { throw UserError(message: "--department is only for reviewers.") }
            let password = try readPassword()
            let (account, totp) = try await withStore {
                try await $0.accounts.createStaff(role: role, email: email, name: name, password: password, department: department)
            }
            print("""
                Created \(account.role.rawValue) \(account.email)\(account.departmentId.map { " (department \($0))" } ?? "").
                Second factor (TOTP, RFC 6238, SHA-1, 6 digits, 30 s) — add it to an authenticator app now; it is not shown again:
                  secret: \(totp.base32)
                  uri:    \(totp.uri(account: account.email))
                Every sign-in needs a current code from it.
                """)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every account.")
        @OptionGroup var output: FormatOption

        func run() async throws {
            let accounts = try await withStore { try await $0.accounts.list() }
            let rows = accounts.map { account in
                UsersListRow(email: account.email, role: account.role.rawValue, name: account.name,
                             organizationName: account.organizationName, disabled: account.isDisabled,
                             secondFactorConfirmed: account.role.requiresSecondFactor ? account.secondFactorConfirmed : nil)
            }
            try output.emit(["users": rows]) {
                TextTable(header: ["email", "role", "name", "organization", "status"], rows: rows.map { row in
                    [row.email, row.role, row.name, row.organizationName ?? "—",
                     row.disabled ? "disabled" : row.secondFactorConfirmed == false ? "active, TOTP not yet used" : "active"]
                }).rendered + "\n\(rows.count) accounts."
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account: it can no longer sign in, and its sessions and tokens end.")
        @Option(help: "The account's email.") var email: String

        func run() async throws {
            let account = try await withStore { try await $0.accounts.disable(email: email) }
            print("Disabled \(account.email).")
        }
    }

    struct SetRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Move a staff account between officer and admin.")
        @Option(help: "The account's email.") var email: String
        @Option(help: "officer or admin.") var role: String

        func run() async throws {
            guard let role = Role(rawValue: role) else { throw UserError(message: "--role must be officer or admin; got '\(role)'.") }
            let account = try await withStore { try await $0.accounts.setRole(email: email, to: role) }
            print("\(account.email) is now \(account.role.rawValue).")
        }
    }
}

struct UsersListRow: Encodable {
    var email: String
    var role: String
    var name: String
    var organizationName: String?
    var disabled: Bool
    /// Staff only: whether the second factor has been used yet.
    var secondFactorConfirmed: Bool?

    enum CodingKeys: String, CodingKey { case email, role, name, organizationName, disabled, secondFactorConfirmed }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(email, forKey: .email)
        try c.encode(role, forKey: .role)
        try c.encode(name, forKey: .name)
        try c.encode(organizationName, forKey: .organizationName)  // null, not absent
        try c.encode(disabled, forKey: .disabled)
        try c.encode(secondFactorConfirmed, forKey: .secondFactorConfirmed)
    }
}

/// The password, from the terminal without echo, or from standard input when piped.
private func readPassword() throws -> String {
    var line: String?
    #if canImport(Glibc)
    if isatty(STDIN_FILENO) != 0, let typed = getpass("Password (at least 10 characters): ") {
        line = String(cString: typed)
    } else {
        line = Swift.readLine(strippingNewline: true)
    }
    #else
    line = Swift.readLine(strippingNewline: true)
    #endif
    guard let password = line, !password.isEmpty else {
        throw UserError(message: "Give the new user's password on standard input, e.g. `printf '%s' \"$PASSWORD\" | credence users create …`.")
    }
    return password
}
