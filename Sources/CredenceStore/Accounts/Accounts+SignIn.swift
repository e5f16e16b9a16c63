import CredenceCore
import FluentKit
import Foundation
import SQLKit

extension Accounts {
    // MARK: Signing in

    /// Checks the credentials under the limits: the attempt is reserved against the
    /// (account, address) pair and the address before anything is checked, so parallel
    /// tries cannot get past them; an account failing from many addresses is slowed
    /// (`SignInSlowdown`) for the addresses that failed, never for a new one.
    /// Staff need both factors, and until both are checked every failure is the same answer
    /// (a right password alone tells nothing) and counts. Every outcome is recorded — a
    /// throttled burst once.
    public func signIn(email typed: String, password: String, totp code: String?, address: String) async throws -> Account {
        let email = EmailAddress.normalized(typed) ?? typed.trimmingCharacters(in: .whitespaces).lowercased()
        // An over-long email cannot be an account's: counted against the address only,
        // never written anywhere.
        let plausible = email.utf8.count <= Self.maxEmailLength && password.count <= PasswordPolicy.maximumLength
        let byAddress = try await limits.reserve(.signInAddress, for: address)
        let byPair = plausible ? try await limits.reserve(.signIn, for: email + " " + address) : nil
        if let wait = [byAddress.retryAfter, byPair?.retryAfter].compactMap({ $0 }).max() {
            if byAddress.isFirstRefusal || byPair?.isFirstRefusal == true {
                try await audit("sign_in.throttled", email: plausible ? email : nil, address: address, detail: "retry_after=\(wait)")
            }
            throw AccountError.throttled(retryAfter: wait)
        }
        guard plausible, let byPair else { throw AccountError.wrongCredentials }
        let slowdown = SignInSlowdown.key(email)
        if let account = try await limits.failures(slowdown),
           let wait = SignInSlowdown.retryAfter(failures: account.count, lastFailure: account.last,
                                                now: now().timeIntervalSince1970, addressHasFailed: byPair.count > 1) {
            // Slowed, not evaluated: the attempt is given back.
            try await limits.release(byAddress)
            try await limits.release(byPair)
            throw AccountError.throttled(retryAfter: wait)
        }
        let record = try await UserRecord.query(on: database).filter(\.$email == email).first()
        let passwordMatches = try await passwords.verify(password, hash: record?.passwordHash ?? passwords.decoy)
        guard let record, passwordMatches, record.disabledAt == nil else {
            try await limits.recordFailure(slowdown, window: SignInSlowdown.window)
            try await audit("sign_in.failed", subject: record?.id, email: email, address: address,
                            detail: record?.disabledAt != nil ? "disabled" : "password")
            throw AccountError.wrongCredentials
        }
        let account = try Account(record)
        if account.role.requiresSecondFactor {
            guard let code, !code.isEmpty,
                  let secret = try record.totpSecret.flatMap({ try TOTPSecretSeal.open($0, with: sealer) }),
                  let step = secret.acceptedStep(for: code, at: now().timeIntervalSince1970, lastUsedStep: record.totpLastStep),
                  try await useStep(step, of: account.id)
            else {
                try await limits.recordFailure(slowdown, window: SignInSlowdown.window)
                try await audit("sign_in.failed", subject: account.id, email: email, address: address, detail: "second factor")
                throw AccountError.wrongCredentials
            }
            if record.totpConfirmedAt == nil {
                try await UserRecord.query(on: database).filter(\.$id == account.id).set(\.$totpConfirmedAt, to: now()).update()
                try await audit("second_factor.confirmed", actor: account.id, subject: account.id, email: email, address: address)
            }
        }
        // A success is not a failure: the address gets its slot back, the pair and the account start again.
        try await limits.release(byAddress)
        try await limits.forget(byPair.key)
        try await limits.forget(slowdown)
        try await audit("sign_in.succeeded", actor: account.id, subject: account.id, email: email, address: address)
        return account
    }

    /// Marks a TOTP step used, if no sign-in used it (or a later one) first: one conditional
    /// update, so of parallel sign-ins with one code exactly one gets it.
    func useStep(_ step: Int64, of id: UUID) async throws -> Bool {
        let rows = try await database.sql.raw("""
            UPDATE users SET totp_last_step = \(bind: step)
            WHERE id = \(bind: id) AND (totp_last_step IS NULL OR totp_last_step < \(bind: step))
            RETURNING id
            """).all()
        return !rows.isEmpty
    }
}
