import CredenceCore
import Foundation

/// `POST /api/v1/employers`' answer.
struct RegisteredEmployerDTO: Encodable, Sendable {
    var id: String
    var organizationName: String
    var email: String
}

/// `POST /api/v1/tokens`' answer.
struct TokenDTO: Encodable, Sendable {
    var token: String
    var expiresAt: String
    var role: String
}

/// `GET /api/v1/me`: the signed-in user; `organizationName` is null for staff.
struct MeDTO: Encodable, Sendable {
    var id: String
    var email: String
    var role: String
    var name: String
    var organizationName: String?

    init(_ account: Account) {
        id = account.id.uuidString.lowercased()
        email = account.email
        role = account.role.rawValue
        name = account.name
        organizationName = account.organizationName
    }

    enum CodingKeys: String, CodingKey { case id, email, role, name, organizationName }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(email, forKey: .email)
        try c.encode(role, forKey: .role)
        try c.encode(name, forKey: .name)
        try c.encode(organizationName, forKey: .organizationName)
    }
}

/// `GET /api/v1/users` (administrators).
struct UserListDTO: Encodable, Sendable {
    struct User: Encodable, Sendable {
        var me: MeDTO
        var disabled: Bool
        var secondFactorConfirmed: Bool
        var createdAt: String

        enum CodingKeys: String, CodingKey { case disabled, secondFactorConfirmed, createdAt }

        func encode(to encoder: any Encoder) throws {
            try me.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(disabled, forKey: .disabled)
            try c.encode(secondFactorConfirmed, forKey: .secondFactorConfirmed)
            try c.encode(createdAt, forKey: .createdAt)
        }
    }

    var users: [User]

    init(_ accounts: [Account]) {
        users = accounts.map {
            User(me: MeDTO($0), disabled: $0.isDisabled, secondFactorConfirmed: $0.secondFactorConfirmed,
                 createdAt: Timestamps.rfc3339($0.createdAt))
        }
    }
}
