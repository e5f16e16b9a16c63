import Foundation

/// An employer's self-registration (annex 2: 用人单位注册登录), checked field by field.
public struct EmployerRegistration: Sendable, Equatable {
    public var organizationName: String
    public var unifiedSocialCreditCode: String
    public var contactName: String
    public var email: String
    public var phone: String
    public var password: String

    public init(organizationName: String, unifiedSocialCreditCode: String, contactName: String, email: String,
                phone: String, password: String) {
        self.organizationName = organizationName
        self.unifiedSocialCreditCode = unifiedSocialCreditCode
        self.contactName = contactName
        self.email = email
        self.phone = phone
        self.password = password
    }

    /// The registration with its values normalized, or every problem found (a form shows
    /// them all at once).
    public func validated() throws(InvalidInput) -> EmployerRegistration {
        var problems: [InputError] = []
        var clean = self
        clean.organizationName = organizationName.trimmingCharacters(in: .whitespacesAndNewlines)
        clean.contactName = contactName.trimmingCharacters(in: .whitespacesAndNewlines)
        clean.phone = phone.trimmingCharacters(in: .whitespaces)
        if !(1...200).contains(clean.organizationName.schemaLength) || organizationName.schemaLength > 200 {
            problems.append(InputError("organizationName", zh: "请填写单位名称（最多200个字符）。",
                                       en: "Organization name is required: the organization's registered name, up to 200 characters."))
        }
        if let code = UnifiedSocialCreditCode(unifiedSocialCreditCode) {
            clean.unifiedSocialCreditCode = code.value
        } else {
            problems.append(InputError("unifiedSocialCreditCode",
                                       zh: "统一社会信用代码应为18位，且校验码正确（GB 32100-2015）。",
                                       en: "Unified social credit code must be the 18-character code of GB 32100-2015 with a valid check character."))
        }
        if !(1...100).contains(clean.contactName.schemaLength) || contactName.schemaLength > 100 {
            problems.append(InputError("contactName", zh: "请填写联系人姓名（最多100个字符）。",
                                       en: "Contact name is required: who to contact, up to 100 characters."))
        }
        if let email = EmailAddress.normalized(email) {
            clean.email = email
        } else {
            problems.append(InputError("email", zh: "请填写有效的邮箱地址。", en: "Email must be an email address, such as hr@example.com."))
        }
        let digits = clean.phone.filter { ("0"..."9").contains($0) }
        if !(5...20).contains(digits.count) || clean.phone.contains(where: { !(("0"..."9").contains($0) || " +-()".contains($0)) }) {
            problems.append(InputError("phone", zh: "请填写有效的电话号码（数字，可含 + - 空格 括号）。",
                                       en: "Telephone must be a telephone number: 5 to 20 digits, with + - spaces or brackets if you like."))
        }
        if let problem = PasswordPolicy.problem(with: password, email: clean.email) {
            problems.append(problem)
        }
        guard problems.isEmpty else { throw InvalidInput(problems: problems) }
        return clean
    }
}
