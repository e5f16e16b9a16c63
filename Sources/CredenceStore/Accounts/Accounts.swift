import CredenceCore
import FluentKit
import Foundation

/// Who is who: registration, sign-in with throttling and a second factor for staff,
/// sessions, API tokens, and the audit events all of these leave. Every query goes through
/// here; handlers never touch the account tables.
public struct Accounts: Sendable {
    let database: any Database
    /// For the credential lookup on every signed-in request (see `Store.reader`).
    let reader: any Database
    /// Seals TOTP secrets at rest with the personal-data key.
    let sealer: DataSealer
    /// bcrypt, on threads of its own.
    let passwords: any PasswordHashing
    /// The clock, a value so tests can move it.
    let now: @Sendable () -> Date
    /// Credentials verified a moment ago (shared by every `Accounts` of a store).
    let credentials: CredentialCache

    public static let sessionLifetime: TimeInterval = 12 * 3600
    public static let tokenLifetime: TimeInterval = 24 * 3600

    public init(database: any Database, reader: (any Database)? = nil, sealer: DataSealer, passwords: any PasswordHashing,
                credentials: CredentialCache = CredentialCache(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.credentials = credentials
        self.reader = reader ?? database
        self.sealer = sealer
        self.passwords = passwords
        self.now = now
    }

    var limits: RateLimits { RateLimits(database: database, now: now) }

    /// Longest email kept or written anywhere (RFC 5321's path limit); anything longer
    /// cannot be an account's and is never stored.
    static let maxEmailLength = 254

    // MARK: Registration and staff

    public func registerEmployer(_ registration: EmployerRegistration, address: String) async throws -> Account {
        let clean: EmployerRegistration
        do {
            clean = try registration.validated()
        } catch {
            throw AccountError.invalid(error.problems)
        }
        // Cheap checks first: a taken email is answered without hashing anything.
        if try await emailTaken(clean.email) { throw AccountError.emailTaken }
        let reservation = try await limits.reserve(.registration, for: address)
        if let wait = reservation.retryAfter {
            if reservation.isFirstRefusal {
                try await audit("account.registration_throttled", address: address, detail: "retry_after=\(wait)")
            }
            throw AccountError.throttled(retryAfter: wait)
        }
        let record = UserRecord()
        record.email = clean.email
        record.passwordHash = try await passwords.hash(clean.password)
        record.role = Role.employer.rawValue
        record.name = clean.contactName
        record.organizationName = clean.organizationName
        record.unifiedSocialCreditCode = clean.unifiedSocialCreditCode
        record.phone = clean.phone
        let account = try await insert(record)
        try await audit("account.registered", actor: account.id, subject: account.id, email: account.email, address: address)
        return account
    }

    /// An officer or administrator, with the TOTP secret they must use from their first
    /// sign-in on. The secret is returned once and shown once.
    public func createStaff(role: Role, email: String, name: String, password: String, department: String? = nil) async throws -> (Account, TOTP) {
        let staff: StaffRegistration
        do {
            staff = try StaffRegistration(role: role, email: email, name: name, password: password, department: department).validated()
        } catch {
            throw AccountError.invalid(error.problems)
        }
        if let department, try await DepartmentRecord.find(department, on: database) == nil {
            throw AccountError.invalid([InputError("department", zh: "没有编号为“\(department)”的部门。",
                                                   en: "Department must be one of the departments' ids (GET /api/v1/departments); got '\(department)'.")])
        }
        let totp = TOTP.generate()
        let record = UserRecord()
        record.email = staff.email
        record.passwordHash = try await passwords.hash(staff.password)
        record.role = staff.role.rawValue
        record.name = staff.name
        record.totpSecret = try TOTPSecretSeal.seal(totp, with: sealer)
        record.departmentID = staff.department
        let account = try await insert(record)
        try await audit("account.created", subject: account.id, email: account.email,
                        detail: "role=\(role.rawValue)" + (staff.department.map { " department=\($0)" } ?? ""))
        return (account, totp)
    }

    private func insert(_ record: UserRecord) async throws -> Account {
        let time = now()
        record.createdAt = time
        record.passwordChangedAt = time
        if try await emailTaken(record.email) { throw AccountError.emailTaken }
        do {
            try await record.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw AccountError.emailTaken  // registered by someone else a moment ago
        }
        return try Account(record)
    }

    private func emailTaken(_ email: String) async throws -> Bool {
        try await UserRecord.query(on: database).filter(\.$email == email).count() > 0
    }

    // MARK: Sessions (the web)

    /// A new session for a signed-in account; the returned value goes in the cookie.
    public func openSession(for account: Account) async throws -> String {
        let secret = SecretToken.make()
        let session = SessionRecord()
        session.id = SecretToken.digest(secret)
        session.userID = account.id
        session.createdAt = now()
        session.expiresAt = now().addingTimeInterval(Self.sessionLifetime)
        try await session.create(on: database)
        return secret
    }

    public func closeSession(_ secret: String) async throws {
        try await revoking { db in
            try await SessionRecord.query(on: db).filter(\.$id == SecretToken.digest(secret)).delete()
        }
    }

    // MARK: API tokens

    public struct IssuedToken: Sendable {
        public var token: String
        public var expiresAt: Date
        public var account: Account
    }

    public func issueToken(for account: Account) async throws -> IssuedToken {
        let secret = "credence_" + SecretToken.make()
        let record = APITokenRecord()
        record.tokenHash = SecretToken.digest(secret)
        record.userID = account.id
        record.createdAt = now()
        record.expiresAt = now().addingTimeInterval(Self.tokenLifetime)
        try await record.create(on: database)
        try await audit("token.issued", actor: account.id, subject: account.id, email: account.email)
        return IssuedToken(token: secret, expiresAt: record.expiresAt, account: account)
    }

    public func revokeToken(_ id: UUID, by account: Account) async throws {
        try await revoking { db in
            try await APITokenRecord.query(on: db).filter(\.$id == id).set(\.$revokedAt, to: now()).update()
        }
        try await audit("token.revoked", actor: account.id, subject: account.id, email: account.email)
    }

    // MARK: Changing things

    /// Changes the password and signs every other session and token out.
    public func changePassword(of account: Account, current: String, new: String, keepingSession secret: String?) async throws {
        guard let record = try await UserRecord.find(account.id, on: database) else { throw AccountError.noSuchAccount(account.email) }
        guard try await passwords.verify(current, hash: record.passwordHash) else { throw AccountError.wrongCurrentPassword }
        if let problem = PasswordPolicy.problem(with: new, email: record.email, field: "newPassword") {
            throw AccountError.invalid([problem])
        }
        record.passwordHash = try await passwords.hash(new)
        record.passwordChangedAt = now()
        try await revoking { db in
            try await record.save(on: db)
            try await signOutEverywhere(account.id, except: secret.map(SecretToken.digest), on: db)
            try await AuditLog.append(on: db, at: now(), kind: "password.changed", actor: account.id, subject: account.id.uuidString.lowercased(),
                                      email: account.email, address: nil, detail: nil)
        }
    }

    public func list() async throws -> [Account] {
        try await UserRecord.query(on: database).sort(\.$createdAt).sort(\.$email).all().map(Account.init)
    }

    public func disable(email: String) async throws -> Account {
        let record = try await user(email)
        record.disabledAt = now()
        let account = try Account(record)
        try await revoking { db in
            try await record.save(on: db)
            try await signOutEverywhere(account.id, except: nil, on: db)
            try await AuditLog.append(on: db, at: now(), kind: "account.disabled", actor: nil, subject: account.id.uuidString.lowercased(),
                                      email: account.email, address: nil, detail: nil)
        }
        return account
    }

    /// Officer ↔ administrator. Employers stay employers: their account is their organization's.
    public func setRole(email: String, to role: Role) async throws -> Account {
        let record = try await user(email)
        if let problem = StaffRegistration.roleChangeProblem(from: Role(rawValue: record.role) ?? .employer, to: role) {
            throw AccountError.invalid([problem])
        }
        let previous = record.role
        record.role = role.rawValue
        try await revoking { db in try await record.save(on: db) }  // a credential kept elsewhere holds the old role
        let account = try Account(record)
        try await audit("account.role_changed", subject: account.id, email: account.email, detail: "\(previous)→\(role.rawValue)")
        return account
    }

    private func user(_ email: String) async throws -> UserRecord {
        let normalized = EmailAddress.normalized(email) ?? email.lowercased()
        guard let record = try await UserRecord.query(on: database).filter(\.$email == normalized).first() else {
            throw AccountError.noSuchAccount(email)
        }
        return record
    }

    private func signOutEverywhere(_ userID: UUID, except keptSession: String?, on db: any Database) async throws {
        var sessions = SessionRecord.query(on: db).filter(\.$userID == userID)
        if let keptSession { sessions = sessions.filter(\.$id != keptSession) }
        try await sessions.delete()
        try await APITokenRecord.query(on: db).filter(\.$userID == userID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now()).update()
    }

    // MARK: Audit

    /// Appends an event to the audit log: who did what to whom, from where.
    public func audit(_ kind: String, actor: UUID? = nil, subject: UUID? = nil, email: String? = nil,
                      address: String? = nil, detail: String? = nil) async throws {
        try await AuditLog.append(on: database, at: now(), kind: kind, actor: actor, subject: subject?.uuidString.lowercased(),
                                  email: email, address: address, detail: detail)
    }

    public func auditEvents() async throws -> [AuditLog.Event] {
        try await AuditLog(database: database).events()
    }
}
