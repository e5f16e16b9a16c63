import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Who a session cookie or a bearer token belongs to. This runs on every signed-in request:
/// first the `CredentialCache`, else one SQL query joining the credential to its active user,
/// decoded by hand — not two Fluent finds, which cost two round trips and a reflection walk
/// of each model.
extension Accounts {
    public func account(forSession secret: String) async throws -> Account? {
        try await credential(.session, secret)?.account
    }

    /// The account a bearer token belongs to, with the token's id, while it is valid.
    public func account(forToken token: String) async throws -> (Account, UUID)? {
        guard let found = try await credential(.token, token), let id = found.tokenID else { return nil }
        return (found.account, id)
    }

    /// The unexpired, unrevoked credential for `secret`, with its active user.
    private func credential(_ kind: CredentialCache.Credential.Kind, _ secret: String) async throws -> CredentialCache.Credential? {
        let key = CredentialCache.Credential.Key(kind: kind, digest: SecretToken.digest(secret))
        if let kept = credentials.credential(key, now: now()) { return kept }
        let ticket = credentials.ticket()
        let query = kind == .session ? Self.sessionQuery : Self.tokenQuery
        guard let row = try await reader.sql.raw("\(unsafeRaw: query)\(bind: key.digest)").first() else { return nil }
        let expiresAt = try row.decode(column: "credential_expires_at", as: Date.self)
        guard expiresAt > now() else { return nil }
        var tokenID: UUID?
        if kind == .token {
            guard try row.decode(column: "credential_revoked_at", as: Date?.self) == nil else { return nil }
            tokenID = try row.decode(column: "credential_id", as: UUID.self)
        }
        let found = CredentialCache.Credential(account: try Account(row), tokenID: tokenID, expiresAt: expiresAt)
        credentials.keep(found, as: key, ticket: ticket)
        return found
    }

    static let sessionQuery = credentialQuery(table: SessionRecord.schema, matching: "id")
    static let tokenQuery = credentialQuery(table: APITokenRecord.schema, matching: "token_hash", also: ["id", "revoked_at"])

    /// The SQL, written once: the user's `Account.columns`, the credential's `also` columns
    /// as `credential_<name>`, for the credential whose `column` equals the bound digest.
    /// Written out rather than built with SQLKit on every request: its identifier escaping
    /// was the larger part of a signed-in request's query cost (perf). Our own names, quoted
    /// alike on SQLite and PostgreSQL.
    private static func credentialQuery(table: String, matching column: String, also: [String] = []) -> String {
        let users = UserRecord.schema
        let selected = Account.columns.map { #""\#(users)"."\#($0)""# }
            + (also + ["expires_at"]).map { #""\#(table)"."\#($0)" AS "credential_\#($0)""# }
        return "SELECT " + selected.joined(separator: ", ")
            + #" FROM "\#(table)" JOIN "\#(users)" ON "\#(users)"."id" = "\#(table)"."user_id""#
            + #" WHERE "\#(users)"."disabled_at" IS NULL AND "\#(table)"."\#(column)" = "#
    }
}

extension Account {
    /// The `users` columns an `Account` is made of (never the password hash or TOTP secret).
    static let columns = ["id", "email", "role", "name", "organization_name", "unified_social_credit_code", "phone",
                          "disabled_at", "totp_confirmed_at", "created_at", "department_id"]

    init(_ row: some SQLRow) throws {
        let id = try row.decode(column: "id", as: UUID.self)
        let roleName = try row.decode(column: "role", as: String.self)
        guard let role = Role(rawValue: roleName) else {
            throw StoreDataError(table: UserRecord.schema, row: id.uuidString, problem: "unknown role \(roleName)")
        }
        self.init(
            id: id, email: try row.decode(column: "email", as: String.self), role: role,
            name: try row.decode(column: "name", as: String.self),
            organizationName: try row.decode(column: "organization_name", as: String?.self),
            unifiedSocialCreditCode: try row.decode(column: "unified_social_credit_code", as: String?.self),
            phone: try row.decode(column: "phone", as: String?.self),
            isDisabled: try row.decode(column: "disabled_at", as: Date?.self) != nil,
            secondFactorConfirmed: try row.decode(column: "totp_confirmed_at", as: Date?.self) != nil,
            createdAt: try row.decode(column: "created_at", as: Date.self),
            departmentId: try row.decode(column: "department_id", as: String?.self))
    }
}
