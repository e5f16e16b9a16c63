import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Who a session cookie or a bearer token belongs to. This runs on every signed-in request,
/// so it is one SQL query joining the credential to its active user, decoded by hand —
/// not two Fluent finds, which cost two round trips and a reflection walk of each model.
extension Accounts {
    public func account(forSession secret: String) async throws -> Account? {
        try await credential(in: SessionRecord.schema, matching: "id", SecretToken.digest(secret)).map { try Account($0) }
    }

    /// The account a bearer token belongs to, with the token's id, while it is valid.
    public func account(forToken token: String) async throws -> (Account, UUID)? {
        guard let row = try await credential(in: APITokenRecord.schema, matching: "token_hash", SecretToken.digest(token),
                                             also: ["id", "revoked_at"]),
              try row.decode(column: "credential_revoked_at", as: Date?.self) == nil
        else { return nil }
        return (try Account(row), try row.decode(column: "credential_id", as: UUID.self))
    }

    /// The row of the unexpired credential whose `column` is `digest` and of its active user:
    /// the user's `Account.columns`, and the credential's `also` columns as `credential_<name>`.
    private func credential(in table: String, matching column: String, _ digest: String, also: [String] = []) async throws
        -> (any SQLRow)?
    {
        let users = UserRecord.schema
        let select = reader.sql.select()
            .columns(Account.columns.map { SQLColumn($0, table: users) as any SQLExpression })
            .columns((also + ["expires_at"]).map { SQLAlias(SQLColumn($0, table: table), as: SQLIdentifier("credential_" + $0)) as any SQLExpression })
            .from(table)
            .join(users, on: SQLColumn("id", table: users), .equal, SQLColumn("user_id", table: table))
            .where(SQLColumn(column, table: table), .equal, SQLBind(digest))
            .where(SQLColumn("disabled_at", table: users), .is, SQLLiteral.null)
        guard let row = try await select.first(), try row.decode(column: "credential_expires_at", as: Date.self) > now() else {
            return nil
        }
        return row
    }
}

extension Account {
    /// The `users` columns an `Account` is made of (never the password hash or TOTP secret).
    static let columns = ["id", "email", "role", "name", "organization_name", "unified_social_credit_code", "phone",
                          "disabled_at", "totp_confirmed_at", "created_at"]

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
            createdAt: try row.decode(column: "created_at", as: Date.self))
    }
}
