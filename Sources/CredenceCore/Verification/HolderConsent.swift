import Foundation

/// The holder's own place (issue 31): when the employer gives the holder's address, the
/// holder — not the employer — consents, separately, to the processing for this
/// verification and to the transfer abroad to the named issuing body (PIPL arts. 14, 39);
/// and may decline, withdraw before a result, ask for early erasure, and control the
/// public check. Without an address the employer's attestation stays the basis.
public enum ConsentBasis: String, Sendable, Codable, CaseIterable {
    case holder
    case employerAttestation = "employer_attestation"

    public var name: BilingualText {
        switch self {
        case .holder: BilingualText(zh: "持证人本人同意", en: "The holder's own consent")
        case .employerAttestation: BilingualText(zh: "用人单位声明已取得同意", en: "The employer's attestation of consent")
        }
    }
}

/// The two consents, each its own record.
public enum HolderConsentKind: String, Sendable, Codable, CaseIterable {
    case processing
    case transferAbroad = "transfer_abroad"
}

/// What the holder did, as recorded.
public enum HolderAction: String, Sendable, Codable, CaseIterable {
    case consented
    case declined
    case withdrew
    case erasure
    case publicCheck = "public_check"

    public var name: BilingualText {
        switch self {
        case .consented: BilingualText(zh: "持证人同意", en: "The holder consented")
        case .declined: BilingualText(zh: "持证人拒绝", en: "The holder declined")
        case .withdrew: BilingualText(zh: "持证人撤回同意", en: "The holder withdrew consent")
        case .erasure: BilingualText(zh: "持证人要求提前删除个人信息", en: "The holder asked for early erasure")
        case .publicCheck: BilingualText(zh: "持证人设置公开核对", en: "The holder set the public check")
        }
    }
}

/// Why a request ended `withdrawn` when its employer did not withdraw it.
public enum WithdrawalReason: String, Sendable, Codable, CaseIterable {
    case holderDeclined = "holder_declined"
    case holderWithdrewConsent = "holder_withdrew_consent"

    public var name: BilingualText {
        switch self {
        case .holderDeclined: BilingualText(zh: "持证人拒绝同意", en: "The holder declined to consent")
        case .holderWithdrewConsent: BilingualText(zh: "持证人撤回同意", en: "The holder withdrew consent")
        }
    }
}

/// One recorded consent: when, from where, which words (their SHA-256), in which language.
public struct HolderConsentRecord: Sendable, Equatable {
    public var kind: HolderConsentKind
    public var at: Date
    public var address: String
    public var textVersion: String
    public var language: String

    public init(kind: HolderConsentKind, at: Date, address: String, textVersion: String, language: String) {
        self.kind = kind
        self.at = at
        self.address = address
        self.textVersion = textVersion
        self.language = language
    }
}

/// The basis a request rests on, as officers and the API see it.
public struct ConsentStanding: Sendable, Equatable {
    public var basis: ConsentBasis
    /// When the basis was given: the submission for an attestation, the later consent for the holder's.
    public var at: Date?
    public var consents: [HolderConsentRecord]

    public init(basis: ConsentBasis, at: Date?, consents: [HolderConsentRecord]) {
        self.basis = basis
        self.at = at
        self.consents = consents
    }

    /// Both consents recorded (or none needed).
    public var isComplete: Bool {
        basis == .employerAttestation || Set(consents.map(\.kind)) == Set(HolderConsentKind.allCases)
    }
}

/// The words a holder consents to, filled in for one request, in one language. Their
/// SHA-256 is the version recorded with the consent: changed words are a new version.
public struct HolderConsentText: Sendable, Equatable {
    public var processing: String
    public var transferAbroad: String

    public struct Facts: Sendable {
        public var organization: String
        public var qualification: String
        public var issuingBody: String
        public var country: String?
        public var inputs: [String]
        public var retentionDays: Int

        public init(organization: String, qualification: String, issuingBody: String, country: String?, inputs: [String], retentionDays: Int) {
            self.organization = organization
            self.qualification = qualification
            self.issuingBody = issuingBody
            self.country = country
            self.inputs = inputs
            self.retentionDays = retentionDays
        }
    }

    public init(_ facts: Facts, language: Language) {
        let sent = facts.inputs.joined(separator: language == .zh ? "；" : "; ")
        if language == .zh {
            processing = "我同意\(facts.organization)及本平台为核验我的“\(facts.qualification)”证书的真实性处理上列个人信息；结果出具后保留\(facts.retentionDays)日，期满删除。"
            transferAbroad = "我单独同意将以下信息提供给境外发证机构“\(facts.issuingBody)”（\(facts.country ?? "《目录》未载国家或地区")）用于核验：\(sent)（《个人信息保护法》第三十九条）。"
        } else {
            processing = "I agree that \(facts.organization) and this service process the personal data listed above to check that my \"\(facts.qualification)\" certificate is authentic; it is kept \(facts.retentionDays) days after the result, then erased."
            transferAbroad = "I separately agree that the following is sent abroad to the issuing body \"\(facts.issuingBody)\" (\(facts.country ?? "country or region not given by the catalog")) to check it: \(sent) (Personal Information Protection Law, art. 39)."
        }
    }

    /// The version recorded with a consent: lower-case hex SHA-256 of the words shown.
    public func version(of kind: HolderConsentKind) -> String {
        SecretToken.digest(kind == .processing ? processing : transferAbroad)
    }
}

/// How long a result's public check answers (`CREDENCE_PUBLIC_CHECK_DAYS`, default 365,
/// counted from the result's day); the holder may switch it off, on again, or shorten it.
public struct PublicCheckPolicy: Sendable, Equatable {
    public static let defaultDays = 365
    public static let maxDays = 3650
    public var days: Int

    public init(days: Int = PublicCheckPolicy.defaultDays) {
        self.days = days
    }

    /// Reads `CREDENCE_PUBLIC_CHECK_DAYS` (1–3650); throws a message naming it.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(InvalidInput) -> PublicCheckPolicy {
        PublicCheckPolicy(days: try DaysSetting.read("CREDENCE_PUBLIC_CHECK_DAYS", in: 1...maxDays, default: defaultDays, environment))
    }

    /// The last day a code answers: `days` (the holder's, else the policy's) after the result's day.
    public func lastDay(resultDay: CalendarDate, days: Int?) -> CalendarDate { resultDay.addingDays(days ?? self.days) }

    public func isActive(resultDay: CalendarDate, days: Int?, switchedOff: Bool, today: CalendarDate) -> Bool {
        !switchedOff && today <= lastDay(resultDay: resultDay, days: days)
    }

    /// What `/verify/{code}` says once the code is no longer active.
    public static let inactive = BilingualText(
        zh: "该查验码已不再有效：持证人已关闭公开核对，或公开核对期限已过。结果本身未被撤销；如需核对，请向持证人索取。",
        en: "This verification code is no longer active: the holder switched the public check off, or its period has ended. The result itself is not revoked; ask the holder for it.")
}

/// Why a holder's step was refused (409 unless said).
public enum HolderRefusal: Error, Sendable, Equatable {
    /// Both consents must be given, or the holder declines.
    case bothConsentsNeeded
    /// Consent is given, declined or withdrawn only while no result exists.
    case tooLate
    /// Early erasure is asked after a result (before it, withdrawing ends the request).
    case noResultYet
    case alreadyErased
    case alreadyDone
    /// The request has no holder's address (or it was erased): nothing to send a link to.
    case noHolderAddress
    /// The holder declined or withdrew consent: the employer cannot ask them again through
    /// Credence (a new request is a new question, made by the employer in their own name).
    case holderSaidNo

    /// Whether the employer may send the holder's link again (issue 42): not once the holder
    /// said no, nor once the request has ended.
    public static func checkInvitation(status: VerificationStatus, withdrawal: WithdrawalReason?) throws(HolderRefusal) {
        if withdrawal != nil { throw .holderSaidNo }
        if status.isFinal { throw .tooLate }
    }

    public var message: BilingualText {
        switch self {
        case .bothConsentsNeeded:
            BilingualText(zh: "请同时勾选两项同意；如不同意，请选择“拒绝”。", en: "Tick both consents to agree; if you do not agree, decline.")
        case .tooLate:
            BilingualText(zh: "申请已结束或已有结果，不能再更改同意。", en: "The request has ended or has a result; consent can no longer be changed.")
        case .noResultYet:
            BilingualText(zh: "尚无结果；结果出具前可撤回同意，申请随即结束。", en: "There is no result yet; before a result, withdraw consent and the request ends.")
        case .alreadyErased:
            BilingualText(zh: "个人信息已删除。", en: "The personal data has been erased already.")
        case .alreadyDone:
            BilingualText(zh: "这一步已经完成。", en: "This step has been taken already.")
        case .noHolderAddress:
            BilingualText(zh: "该申请没有持证人邮箱，无法发送链接。", en: "This request has no holder.email to send a link to.")
        case .holderSaidNo:
            BilingualText(zh: "持证人已拒绝或撤回同意，不能再向其发送邀请。", en: "The holder declined or withdrew consent; they are not invited again.")
        }
    }

    public var code: String {
        switch self {
        case .bothConsentsNeeded: "both_consents_needed"
        case .tooLate: "consent_closed"
        case .noResultYet: "no_result_yet"
        case .alreadyErased: "already_erased"
        case .alreadyDone: "already_done"
        case .noHolderAddress: "no_holder_email"
        case .holderSaidNo: "holder_refused"
        }
    }
}

extension HolderConsentText.Facts {
    /// The facts a request's holder is asked about: who asks, which qualification, which
    /// body abroad (the catalog's country or region, when it gives one), what is sent to it.
    public init(_ request: VerificationRequest, entry: Entry?, body: IssuingBody, retentionDays: Int, language: Language) {
        self.init(organization: request.organizationName ?? "—", qualification: entry?.name.text(in: language) ?? request.entryId,
                  issuingBody: body.name.text(in: language), country: entry?.region?.text(in: language),
                  inputs: HolderConsentText.sent(body.channel.inputs).map { $0.text(in: language) }, retentionDays: retentionDays)
    }
}

extension HolderConsentText {
    /// What is sent to the issuing body, in words, each once: the channel registry's inputs
    /// ("a|b (any)" is one of them; "(optional)", "(if known)" only when there is one).
    public static func sent(_ inputs: [String]) -> [BilingualText] {
        var named: [BilingualText] = []
        for input in inputs {
            var base = input, note: BilingualText?
            if let open = input.firstIndex(of: "(") {
                base = input[..<open].trimmingCharacters(in: .whitespaces)
                note = BilingualText(zh: "（如有）", en: " (if there is one)")
            }
            let parts = base.split(separator: "|").map { inputName(String($0).trimmingCharacters(in: .whitespaces)) }
            var text = parts.count > 1
                ? BilingualText(zh: "以下任一：" + parts.map(\.zh).joined(separator: "、"), en: "one of " + parts.map(\.en).joined(separator: ", "))
                : parts.first ?? BilingualText(zh: input, en: input)
            if let note, parts.count == 1 { text = BilingualText(zh: text.zh + note.zh, en: text.en + note.en) }
            if !named.contains(where: { $0.en.hasPrefix(text.en) || text.en.hasPrefix($0.en) }) { named.append(text) }
        }
        return named
    }

    /// What a channel's input is, in words (the registry names them as the request's fields).
    public static func inputName(_ input: String) -> BilingualText {
        switch input {
        case "holderName": BilingualText(zh: "姓名", en: "name")
        case "certificateNumber": BilingualText(zh: "证书编号", en: "certificate number")
        case "holderDateOfBirth", "dateOfBirth": BilingualText(zh: "出生日期", en: "date of birth")
        case "passportNumber": BilingualText(zh: "护照号码", en: "passport number")
        case "issuedOn": BilingualText(zh: "发证日期", en: "date of issue")
        case "expiresOn": BilingualText(zh: "有效期", en: "expiry date")
        case "holderNationality", "nationality": BilingualText(zh: "国籍", en: "nationality")
        case "holderLastName", "holderSurname": BilingualText(zh: "姓", en: "surname")
        case "holderGivenName": BilingualText(zh: "名", en: "given name")
        case "memberId", "charterNumber", "membershipNumber": BilingualText(zh: "会员编号", en: "membership number")
        case "registrationNumber", "licenseNumber", "practisingCertificateNumber", "validationNumber":
            BilingualText(zh: "注册或执照编号", en: "registration or licence number")
        case "birthDate": BilingualText(zh: "出生日期", en: "date of birth")
        case "email": BilingualText(zh: "邮箱", en: "email")
        case "employer": BilingualText(zh: "雇主", en: "employer")
        case "address": BilingualText(zh: "地址", en: "address")
        case "location", "jurisdiction": BilingualText(zh: "所在地", en: "location")
        default: BilingualText(zh: input, en: input)
        }
    }

    /// Why the data is processed.
    public static let purpose = BilingualText(
        zh: "核验证书的真实性（《通知》附件2）；结果仅确认证书真实性。",
        en: "To check that the certificate is authentic (the notice, annex 2); the result confirms authenticity only.")
}
