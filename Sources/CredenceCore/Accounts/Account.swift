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
    /// A reviewer's department (issue 34).
    public var departmentId: String?

    public init(id: UUID, email: String, role: Role, name: String, organizationName: String? = nil,
                unifiedSocialCreditCode: String? = nil, phone: String? = nil, isDisabled: Bool = false,
                secondFactorConfirmed: Bool = false, createdAt: Date, departmentId: String? = nil) {
        self.id = id
        self.email = email
        self.role = role
        self.name = name
        self.organizationName = organizationName
        self.unifiedSocialCreditCode = unifiedSocialCreditCode
        self.phone = phone
        self.isDisabled = isDisabled
        self.secondFactorConfirmed = secondFactorConfirmed
        self.createdAt = createdAt
        self.departmentId = departmentId
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
