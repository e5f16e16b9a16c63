import CredenceCore
import Foundation

/// A user as the rest of Credence sees one: never the password hash or the TOTP secret.
public struct Account: Sendable, Equatable, Codable {
    public var id: UUID
    public var email: String
    public var role: Role
    public var name: String
    public var organizationName: String?
    public var unifiedSocialCreditCode: String?
    public var phone: String?
    public var isDisabled: Bool
    /// Staff: whether the second factor has been used at least once.
    public var secondFactorConfirmed: Bool
    public var createdAt: Date

    init(_ record: UserRecord) throws {
        guard let id = record.id, let role = Role(rawValue: record.role) else {
            throw StoreDataError(table: UserRecord.schema, row: record.id?.uuidString ?? "?", problem: "unknown role \(record.role)")
        }
        self.id = id
        email = record.email
        self.role = role
        name = record.name
        organizationName = record.organizationName
        unifiedSocialCreditCode = record.unifiedSocialCreditCode
        phone = record.phone
        isDisabled = record.disabledAt != nil
        secondFactorConfirmed = record.totpConfirmedAt != nil
        createdAt = record.createdAt
    }
}

/// Why an account operation was refused. Each case is something the person can act on.
public enum AccountError: Error, Equatable, Sendable {
    case invalid([InputError])
    case emailTaken
    /// The same answer whether the email exists, the password is wrong, the account is
    /// disabled, or (staff) the authenticator code is missing, wrong or used.
    case wrongCredentials
    case throttled(retryAfter: Int)
    case noSuchAccount(String)
    case wrongCurrentPassword
}
