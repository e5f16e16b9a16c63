import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// Staff managed on the web (issue 43): each step an administrator takes on another account
/// is confirmed with a current, unused code from their own authenticator — the rule of
/// signing in, under the same limit on tries — and audited with them as its actor.
extension Accounts {
    /// The code refused: wrong, already used, or too many tries.
    static func codeRefused() -> AccountError {
        .invalid([InputError("totp", zh: "验证码不正确或已使用过，请输入身份验证器上当前的6位数字。",
                             en: "Your authenticator code is wrong or was already used: enter the current 6-digit code.")])
    }

    /// Checks `code` against the administrator's own secret and marks its step used.
    public func confirm(_ admin: Account, code: String, address: String) async throws {
        let attempt = try await limits.reserve(.signIn, for: admin.email + " " + address)
        if let wait = attempt.retryAfter { throw AccountError.throttled(retryAfter: wait) }
        guard admin.role == .admin, let record = try await UserRecord.find(admin.id, on: database), record.disabledAt == nil,
              let secret = try record.totpSecret.flatMap({ try TOTPSecretSeal.open($0, with: sealer) }),
              let step = secret.acceptedStep(for: code.filter(\.isNumber), at: now().timeIntervalSince1970, lastUsedStep: record.totpLastStep),
              try await useStep(step, of: admin.id)
        else {
            try await audit("staff.confirmation_failed", actor: admin.id, email: admin.email, address: address)
            throw Self.codeRefused()
        }
        try await limits.forget(attempt.key)
    }

    /// A new officer, administrator or reviewer, made by an administrator on the web.
    public func createStaff(by admin: Account, code: String, address: String, role: Role, email: String, name: String,
                            password: String, department: String?) async throws -> (Account, TOTP) {
        try await confirm(admin, code: code, address: address)
        let made = try await createStaff(role: role, email: email, name: name, password: password, department: department)
        try await audit("staff.created", actor: admin.id, subject: made.0.id, email: made.0.email, address: address, detail: "role=\(role.rawValue)")
        return made
    }

    /// Disables another account (never one's own: an installation keeps the administrator it has).
    public func disable(_ id: UUID, by admin: Account, code: String, address: String) async throws -> Account {
        let target = try await account(id)
        guard target.id != admin.id else {
            throw AccountError.invalid([InputError("account", zh: "不能停用自己的账户。", en: "You cannot disable your own account.")])
        }
        try await confirm(admin, code: code, address: address)
        let disabled = try await disable(email: target.email)
        try await audit("staff.disabled", actor: admin.id, subject: disabled.id, email: disabled.email, address: address)
        return disabled
    }

    /// Officer ↔ administrator, for another account.
    public func setRole(_ id: UUID, to role: Role, by admin: Account, code: String, address: String) async throws -> Account {
        let target = try await account(id)
        guard target.id != admin.id else {
            throw AccountError.invalid([InputError("role", zh: "不能更改自己的角色。", en: "You cannot change your own role.")])
        }
        if let problem = StaffRegistration.roleChangeProblem(from: target.role, to: role) { throw AccountError.invalid([problem]) }
        try await confirm(admin, code: code, address: address)
        let changed = try await setRole(email: target.email, to: role)
        try await audit("staff.role_changed", actor: admin.id, subject: changed.id, email: changed.email, address: address,
                        detail: "\(target.role.rawValue)→\(role.rawValue)")
        return changed
    }

    private func account(_ id: UUID) async throws -> Account {
        guard let record = try await UserRecord.find(id, on: database) else { throw AccountError.noSuchAccount(id.uuidString.lowercased()) }
        return try Account(record)
    }
}
