import Foundation

/// What a password must be: at least 10 characters, not one of the commonest passwords,
/// not the email address, not one character repeated. Length is capped only to bound the
/// work of hashing it.
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumLength = 256

    /// Nil when acceptable, else why not.
    public static func problem(with password: String, email: String? = nil, field: String = "password") -> InputError? {
        if password.schemaLength < minimumLength {
            return InputError(field, zh: "密码至少需要\(minimumLength)个字符。", en: "The password needs at least \(minimumLength) characters.")
        }
        if password.schemaLength > maximumLength {
            return InputError(field, zh: "密码最多\(maximumLength)个字符。", en: "The password may have at most \(maximumLength) characters.")
        }
        let folded = password.lowercased()
        if commonPasswords.contains(folded) || Set(folded).count == 1 {
            return InputError(field, zh: "这个密码太常见，很容易被猜到，请换一个。",
                              en: "This password is among the commonest and easily guessed; choose another.")
        }
        if let email, folded == email.lowercased() || folded == email.lowercased().split(separator: "@").first.map(String.init) {
            return InputError(field, zh: "密码不能与邮箱相同。", en: "The password must not be the email address.")
        }
        return nil
    }

    /// Resources/common-passwords.txt (its header says where the list comes from).
    static let commonPasswords: Set<String> = {
        guard let data = try? BundledData.resource("common-passwords", "txt") else { return [] }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }.map { $0.lowercased() })
    }()
}
