import CredenceCore
import Foundation

extension Account {
    /// The account a `users` row holds: never its password hash or TOTP secret.
    init(_ record: UserRecord) throws {
        guard let id = record.id, let role = Role(rawValue: record.role) else {
            throw StoreDataError(table: UserRecord.schema, row: record.id?.uuidString ?? "?", problem: "unknown role \(record.role)")
        }
        self.init(id: id, email: record.email, role: role, name: record.name, organizationName: record.organizationName,
                  unifiedSocialCreditCode: record.unifiedSocialCreditCode, phone: record.phone, isDisabled: record.disabledAt != nil,
                  secondFactorConfirmed: record.totpConfirmedAt != nil, createdAt: record.createdAt, departmentId: record.departmentID)
    }
}
