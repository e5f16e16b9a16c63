import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Users, sessions, API tokens, sign-in attempts and the audit events.
struct CreateAccountTables: AsyncMigration {
    var name: String { "2026-11-29-create-account-tables" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserRecord.schema)
            .id()
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("name", .string, .required)
            .field("organization_name", .string)
            .field("unified_social_credit_code", .string)
            .field("phone", .string)
            .field("totp_secret", .string)
            .field("totp_last_step", .int64)
            .field("totp_confirmed_at", .datetime)
            .field("disabled_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("password_changed_at", .datetime, .required)
            .unique(on: "email")
            .create()
        try await database.schema(SessionRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await database.schema(APITokenRecord.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("sign_in_attempts")  // dropped by CreateRateLimits
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .create()
        try await database.schema(AuditEventRecord.schema)
            .id()
            .field("seq", .int64, .required)
            .field("at_ms", .int64, .required)
            .field("kind", .string, .required)
            .field("actor_id", .string)
            .field("subject_id", .string)
            .field("email", .string)
            .field("address", .string)
            .field("detail", .string)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq")
            .create()
        // The throttle looks attempts up by account and by address within a window.
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX sign_in_attempts_email_at ON sign_in_attempts (email, at)").run()
            try await sql.raw("CREATE INDEX sign_in_attempts_address_at ON sign_in_attempts (address, at)").run()
            try await sql.raw("CREATE INDEX sessions_user ON sessions (user_id)").run()
            try await sql.raw("CREATE INDEX api_tokens_user ON api_tokens (user_id)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [AuditEventRecord.schema, APITokenRecord.schema, SessionRecord.schema,
                       UserRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
