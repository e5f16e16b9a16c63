import Foundation

/// An officer or administrator as typed at the command line: every problem at once, the
/// email normalized and the name trimmed when there are none.
public struct StaffRegistration: Sendable, Equatable {
    public var role: Role
    public var email: String
    public var name: String
    public var password: String
    /// A reviewer's department; only reviewers have one.
    public var department: String?

    public init(role: Role, email: String, name: String, password: String, department: String? = nil) {
        self.role = role
        self.email = email
        self.name = name
        self.password = password
        self.department = department
    }

    public func validated() throws(InvalidInput) -> StaffRegistration {
        var problems: [InputError] = []
        if role != .officer && role != .admin && role != .reviewer {
            problems.append(InputError("role", zh: "员工账号的角色须为 officer、admin 或 reviewer。", en: "Role must be officer, admin or reviewer; employers register themselves."))
        }
        if role == .reviewer, department == nil {
            problems.append(InputError("department", zh: "审核人须属于一个部门。", en: "Department is required for a reviewer: one of the departments' ids."))
        }
        if role != .reviewer, department != nil {
            problems.append(InputError("department", zh: "只有审核人属于部门。", en: "Department is only for reviewers."))
        }
        let normalized = EmailAddress.normalized(email)
        if normalized == nil {
            problems.append(InputError("email", zh: "请填写有效的邮箱地址。", en: "Email must be an email address."))
        }
        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if !(1...100).contains(trimmedName.count) {
            problems.append(InputError("name", zh: "请填写姓名。", en: "Name is required, up to 100 characters."))
        }
        if let problem = PasswordPolicy.problem(with: password, email: normalized) { problems.append(problem) }
        guard problems.isEmpty, let normalized else { throw InvalidInput(problems: problems) }
        return StaffRegistration(role: role, email: normalized, name: trimmedName, password: password, department: department)
    }

    /// Staff move between officer and administrator; employers stay employers (their
    /// account is their organization's).
    public static func roleChangeProblem(from current: Role, to role: Role) -> InputError? {
        let staff: Set<Role> = [.officer, .admin]
        guard !staff.contains(role) || !staff.contains(current) else { return nil }
        return InputError("role", zh: "只能在 officer 与 admin 之间变更。", en: "Role can only move staff between officer and admin.")
    }
}
