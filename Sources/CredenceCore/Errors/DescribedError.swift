/// What kind of refusal an error is: the one fact the web layer turns into a status code.
public enum ErrorKind: Sendable, Equatable {
    case badRequest
    case unauthorized
    case forbidden
    case notFound
    case conflict
    case tooLarge
    case unsupportedType
    case invalid
    case tooManyRequests
    case unavailable
}

/// An error the domain can explain to the person who caused it, in both languages: its
/// kind, a stable code, the message, the field it is about, and when to try again.
public protocol DescribedError: Error, Sendable {
    var kind: ErrorKind { get }
    var code: String { get }
    var message: BilingualText { get }
    var field: String? { get }
    /// Seconds, for refusals that pass (rate limits, a busy service).
    var retryAfter: Int? { get }
}

extension DescribedError {
    public var field: String? { nil }
    public var retryAfter: Int? { nil }
}

extension InputError {
    /// Every problem, for one message: each language's sentences joined.
    public static func joined(_ problems: [InputError]) -> BilingualText {
        BilingualText(zh: problems.map(\.message.zh).joined(), en: problems.map(\.message.en).joined(separator: " "))
    }
}

extension AccountError: DescribedError {
    public var kind: ErrorKind {
        switch self {
        case .invalid, .wrongCurrentPassword: .invalid
        case .emailTaken: .conflict
        case .wrongCredentials: .unauthorized
        case .throttled: .tooManyRequests
        case .noSuchAccount: .notFound
        }
    }

    public var code: String {
        switch self {
        case .invalid: "invalid_field"
        case .emailTaken: "email_taken"
        case .wrongCredentials: "wrong_credentials"
        case .throttled: "too_many_attempts"
        case .noSuchAccount: "not_found"
        case .wrongCurrentPassword: "wrong_password"
        }
    }

    public var message: BilingualText {
        switch self {
        case .invalid(let problems): InputError.joined(problems)
        case .emailTaken:
            BilingualText(zh: "这个邮箱已经注册过，请直接登录，或换一个邮箱。", en: "An account with this email already exists. Sign in, or use another email.")
        case .wrongCredentials:
            BilingualText(zh: "邮箱或密码不正确（工作人员：或身份验证器验证码不正确，以 totp 发送）。",
                          en: "Wrong email or password (officers and administrators: or authenticator code, sent as totp).")
        case .throttled(let seconds):
            BilingualText(zh: "尝试次数过多，请\(seconds)秒后再试。", en: "Too many attempts. Try again in \(seconds) seconds.")
        case .noSuchAccount(let email): BilingualText(zh: "没有账号“\(email)”。", en: "No account '\(email)'.")
        case .wrongCurrentPassword: BilingualText(zh: "当前密码不正确。", en: "The current password is not right.")
        }
    }

    public var field: String? {
        switch self {
        case .invalid(let problems): problems.first?.field
        case .emailTaken: "email"
        case .wrongCurrentPassword: "currentPassword"
        default: nil
        }
    }

    public var retryAfter: Int? {
        if case .throttled(let seconds) = self { return seconds }
        return nil
    }
}

extension VerificationError: DescribedError {
    public var kind: ErrorKind {
        switch self {
        case .invalid, .attachmentEmpty: .invalid
        case .notFound, .unknownIssuingBody, .holderLinkInvalid: .notFound
        case .illegal, .tooManyAttachments, .alreadyRevoked, .alreadyRated, .review, .holderConsentPending, .holder: .conflict
        case .attachmentTooLarge, .quotaExceeded: .tooLarge
        case .attachmentType: .unsupportedType
        }
    }

    public var code: String {
        switch self {
        case .invalid: "invalid_field"
        case .notFound, .unknownIssuingBody: "not_found"
        case .illegal: "illegal_transition"
        case .attachmentTooLarge: "too_large"
        case .attachmentType: "unsupported_type"
        case .attachmentEmpty: "empty_file"
        case .tooManyAttachments: "too_many_attachments"
        case .quotaExceeded: "quota_exceeded"
        case .alreadyRevoked: "already_revoked"
        case .alreadyRated: "already_rated"
        case .review(let refusal): refusal.code
        case .holderConsentPending: "holder_consent_pending"
        case .holder(let refusal): refusal.code
        case .holderLinkInvalid: "not_found"
        }
    }

    public var message: BilingualText {
        switch self {
        case .invalid(let problems): InputError.joined(problems)
        case .notFound: BilingualText(zh: "没有这个核验申请。", en: "No such verification request.")
        case .unknownIssuingBody: BilingualText(zh: "没有这个发证机构。", en: "No such issuing body.")
        case .illegal(let transition): transition.text
        case .attachmentTooLarge: BilingualText(zh: "附件不能超过10 MiB。", en: "An attachment may be at most 10 MiB.")
        case .attachmentType:
            BilingualText(zh: "附件只接受 PDF、PNG 或 JPEG 文件（按内容判断，而非文件名）。",
                          en: "Attachments must be PDF, PNG or JPEG files (judged by their content, not their name).")
        case .attachmentEmpty: BilingualText(zh: "附件是空的。", en: "The attachment is empty.")
        case .alreadyRevoked: BilingualText(zh: "该结果已被撤销。", en: "This result was revoked already.")
        case .alreadyRated: BilingualText(zh: "已评价过该申请。", en: "This request was rated already; a rating is given once.")
        case .review(let refusal): refusal.message
        case .holderConsentPending:
            BilingualText(zh: "持证人尚未本人同意（处理个人信息和向境外发证机构提供信息两项），暂不能受理。",
                          en: "The holder has not yet given both consents (processing, and the transfer abroad to the issuing body); the request cannot be accepted yet.")
        case .holder(let refusal): refusal.message
        case .holderLinkInvalid:
            BilingualText(zh: "此链接无效：可能有误、已过期或已使用。请联系用人单位重新发送。",
                          en: "This link is not valid: it may be wrong, expired or already used. Ask the employer to send it again.")
        case .tooManyAttachments: BilingualText(zh: "每个申请最多5个附件。", en: "A request may have at most 5 attachments.")
        case .quotaExceeded(let quota):
            BilingualText(zh: "贵单位的附件将超过\(quota / 1_048_576) MiB的存储限额，文件未保存。请联系服务方提高限额。",
                          en: "Your organization's attachments would pass its storage quota of \(quota / 1_048_576) MiB; nothing was stored. Ask the service to raise it.")
        }
    }

    public var field: String? {
        switch self {
        case .invalid(let problems): problems.first?.field
        case .notFound, .unknownIssuingBody, .illegal, .alreadyRevoked, .alreadyRated, .review, .holderConsentPending, .holder, .holderLinkInvalid: nil
        default: "file"
        }
    }
}

extension EditionError: DescribedError {
    public var kind: ErrorKind {
        switch self {
        case .invalid: .invalid
        case .notFound: .notFound
        case .published, .conflict: .conflict
        }
    }

    public var code: String {
        switch self {
        case .invalid: "invalid_field"
        case .notFound: "not_found"
        case .published: "edition_published"
        case .conflict: "conflict"
        }
    }

    public var message: BilingualText {
        switch self {
        case .invalid(let problems): InputError.joined(problems)
        case .notFound(let what): BilingualText(zh: "没有“\(what)”。", en: "No '\(what)'.")
        case .published(let message), .conflict(let message): message
        }
    }

    public var field: String? {
        if case .invalid(let problems) = self { return problems.first?.field }
        return nil
    }
}

extension CatalogError: DescribedError {
    public var kind: ErrorKind { .notFound }

    public var code: String {
        if case .noEditionInForce = self { return "no_edition_in_force" }
        return "not_found"
    }

    public var message: BilingualText {
        switch self {
        case .unknownEdition(let id):
            BilingualText(zh: "没有目录版本“\(id)”。", en: "No edition '\(id)'. GET /api/v1/editions lists them.")
        case .unknownEntry(let id, let edition):
            BilingualText(zh: "目录版本“\(edition)”中没有“\(id)”。", en: "No entry '\(id)' in edition '\(edition)'. GET /api/v1/entries lists them.")
        case .noEditionInForce: BilingualText(zh: "目前没有现行有效的目录。", en: "No catalog edition is in force.")
        }
    }
}

extension ProfileError: DescribedError {
    public var kind: ErrorKind { .invalid }
    public var code: String { "invalid_profile" }
    public var field: String? { fact.rawValue }
}

extension RateLimited: DescribedError {
    public var kind: ErrorKind { .tooManyRequests }
    public var code: String { "too_many_attempts" }
    public var message: BilingualText {
        guard let limited else {
            return BilingualText(zh: "来自您所在地址的尝试次数过多，请\(seconds)秒后再试。",
                                 en: "Too many attempts from your address. Try again in \(seconds) seconds.")
        }
        return BilingualText(zh: limited.zh + "请\(seconds)秒后再试。", en: limited.en + " Try again in \(seconds) seconds.")
    }
    public var retryAfter: Int? { seconds }
}
