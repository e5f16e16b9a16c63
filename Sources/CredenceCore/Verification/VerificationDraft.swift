import Foundation

/// What an employer submits (annex 2 一: 提交境外职业资格证书相关信息), checked field by
/// field before anything is stored.
public struct VerificationDraft: Sendable, Equatable {
    public var entryId: String
    public var holderName: String
    public var holderNationality: String
    public var holderDateOfBirth: String?
    public var passportNumber: String?
    public var certificateNumber: String
    public var issuedOn: String?
    public var expiresOn: String?
    public var note: String?
    /// The holder agreed to their data being used for the check (personal information law).
    public var holderConsent: Bool
    /// A re-check: the employer's earlier completed request for this holder and certificate
    /// (issue 33); the store checks it is theirs.
    public var previousRequestId: UUID?
    /// The holder's own address (issue 31): the holder is then asked to consent themself.
    public var holderEmail: String?

    public init(entryId: String, holderName: String, holderNationality: String, holderDateOfBirth: String? = nil,
                passportNumber: String? = nil, certificateNumber: String, issuedOn: String? = nil, expiresOn: String? = nil,
                note: String? = nil, holderConsent: Bool) {
        self.entryId = entryId
        self.holderName = holderName
        self.holderNationality = holderNationality
        self.holderDateOfBirth = holderDateOfBirth
        self.passportNumber = passportNumber
        self.certificateNumber = certificateNumber
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.note = note
        self.holderConsent = holderConsent
    }

    /// The draft normalized, or every problem. `entries` are the ids of the edition in force.
    public func validated(entries: Set<String>, today: CalendarDate) throws(InvalidInput) -> VerificationDraft {
        var problems: [InputError] = []
        var clean = self
        func blankToNil(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        if !entries.contains(entryId) {
            problems.append(InputError("entryId", zh: "请选择《目录》内的职业资格。", en: "Qualification must be an entry of the catalog in force, such as cfa; got \(Echo.quoted(entryId))."))
        }
        clean.holderName = holderName.trimmingCharacters(in: .whitespacesAndNewlines)
        if !(1...100).contains(clean.holderName.schemaLength) || holderName.schemaLength > 100 {
            problems.append(InputError("holder.name", zh: "请填写持证人姓名（与证书一致）。", en: "Holder's name is required: the name as on the certificate, up to 100 characters."))
        }
        if let code = CountryCode.normalized(holderNationality) {
            clean.holderNationality = code
        } else {
            problems.append(InputError("holder.nationality", zh: "国籍须为ISO 3166-1两位字母代码，如 GB、US、AU。", en: "Nationality must be an ISO 3166-1 alpha-2 code such as GB, US or AU; got \(Echo.quoted(holderNationality))."))
        }
        clean.holderDateOfBirth = blankToNil(holderDateOfBirth)
        if let text = clean.holderDateOfBirth {
            if let date = CalendarDate(text), date < today, date > today.addingDays(-131 * 366) {
                clean.holderDateOfBirth = date.description
            } else {
                problems.append(InputError("holder.dateOfBirth", zh: "出生日期格式为 YYYY-MM-DD，且早于今天。", en: "Date of birth must be a past date written YYYY-MM-DD."))
            }
        }
        clean.passportNumber = blankToNil(passportNumber)?.uppercased()
        if let passport = clean.passportNumber, !(5...20).contains(passport.count) || !passport.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            problems.append(InputError("holder.passportNumber", zh: "护照号码为5到20位字母或数字。", en: "Passport number must be 5 to 20 letters and digits."))
        }
        clean.certificateNumber = certificateNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        if !(1...100).contains(clean.certificateNumber.schemaLength) || certificateNumber.schemaLength > 100 {
            problems.append(InputError("certificateNumber", zh: "请填写证书编号。", en: "Certificate number is required: the number on the certificate, up to 100 characters."))
        }
        clean.issuedOn = blankToNil(issuedOn)
        clean.expiresOn = blankToNil(expiresOn)
        let issued = clean.issuedOn.flatMap(CalendarDate.init)
        if clean.issuedOn != nil, issued == nil || issued! > today {
            problems.append(InputError("issuedOn", zh: "发证日期格式为 YYYY-MM-DD，且不晚于今天。", en: "Issued on must be a date written YYYY-MM-DD, not in the future."))
        }
        let expires = clean.expiresOn.flatMap(CalendarDate.init)
        if clean.expiresOn != nil, expires == nil || (issued != nil && expires! < issued!) {
            problems.append(InputError("expiresOn", zh: "有效期至格式为 YYYY-MM-DD，且不早于发证日期。", en: "Expires on must be a date written YYYY-MM-DD, not before issuedOn."))
        }
        clean.note = blankToNil(note)
        if let note = clean.note, note.schemaLength > 2000 {
            problems.append(InputError("note", zh: "备注最多2000字。", en: "Note may have at most 2,000 characters."))
        }
        if let email = blankToNil(holderEmail) {
            if let normalized = EmailAddress.normalized(email) {
                clean.holderEmail = normalized
            } else {
                problems.append(InputError("holder.email", zh: "持证人邮箱格式不正确，如 name@example.com。",
                                           en: "Holder's email must be an email address such as name@example.com; got \(Echo.quoted(email))."))
            }
        } else {
            clean.holderEmail = nil
        }
        // Always the employer's attestation; with the holder's address the holder's own consents are asked too.
        if !holderConsent {
            problems.append(InputError("holderConsent", zh: "须取得持证人同意（个人信息保护法）后方可申请查验。", en: "The holder's consent is required: confirm that the holder agrees to their data being checked (Personal Information Protection Law)."))
        }
        guard problems.isEmpty else { throw InvalidInput(problems: problems) }
        return clean
    }
}

/// The draft's fields, declared once for the API, the form and the batch sheet (issue 44).
extension VerificationDraft {
    /// Each field: its name, what it holds, its label, and its column in the batch sheet.
    public enum Fields {
        public static let entryId = CommandField("entryId", .required(hint: "a catalog entry id such as cfa"), label: "Qualification",
                                                 sheetHeader: BilingualText(zh: "职业资格（编号或序号）", en: "entry (id or seq)"))
        public static let holderName = CommandField("holder.name", .required(hint: "the holder's name as on the certificate"),
                                                    label: "Holder's name", sheetHeader: BilingualText(zh: "持证人姓名", en: "holder name"))
        public static let holderNationality = CommandField(
            "holder.nationality", .required(hint: "an ISO 3166-1 alpha-2 code such as GB"), label: "Nationality",
            sheetHeader: BilingualText(zh: "国籍（两位字母代码）", en: "nationality (ISO 3166-1 alpha-2)"))
        public static let holderDateOfBirth = CommandField("holder.dateOfBirth", .fact, label: "Date of birth",
                                                           sheetHeader: BilingualText(zh: "出生日期", en: "date of birth"))
        public static let passportNumber = CommandField("holder.passportNumber", .fact, label: "Passport number",
                                                        sheetHeader: BilingualText(zh: "护照号码", en: "passport number"))
        public static let certificateNumber = CommandField("certificateNumber", .required(hint: "the number on the certificate"),
                                                           label: "Certificate number",
                                                           sheetHeader: BilingualText(zh: "证书编号", en: "certificate number"))
        public static let issuedOn = CommandField("issuedOn", .fact, label: "Issued on", sheetHeader: BilingualText(zh: "发证日期", en: "issued on"))
        public static let expiresOn = CommandField("expiresOn", .fact, label: "Expires on",
                                                   sheetHeader: BilingualText(zh: "有效期至", en: "expires on"))
        public static let note = CommandField("note", .text, label: "Note", sheetHeader: BilingualText(zh: "备注", en: "note"))
        public static let holderConsent = CommandField("holderConsent", .flag, label: "The holder's consent",
                                                       sheetHeader: BilingualText(zh: "持证人已同意（是/否）", en: "holder consent (yes/no)"))
        /// Optional (issue 31): the holder is then mailed a link to consent themself.
        public static let holderEmail = CommandField("holder.email", .fact, label: "Holder's email",
                                                     sheetHeader: BilingualText(zh: "持证人邮箱（可选）", en: "holder email (optional)"))
        public static let previousRequestId = CommandField("previousRequestId", .fact, label: "The earlier request")

        /// In the order of the batch sheet's columns (the form lays them out its own way).
        public static let all = [entryId, holderName, holderNationality, holderDateOfBirth, passportNumber, certificateNumber, issuedOn,
                                 expiresOn, note, holderConsent, holderEmail, previousRequestId]
    }

    /// The draft as `source` gives it, each field read as it holds; `validated` judges it.
    public init(_ source: some FieldSource) throws {
        self.init(entryId: try source.text(Fields.entryId) ?? "", holderName: try source.text(Fields.holderName) ?? "",
                  holderNationality: try source.text(Fields.holderNationality) ?? "",
                  holderDateOfBirth: try source.text(Fields.holderDateOfBirth), passportNumber: try source.text(Fields.passportNumber),
                  certificateNumber: try source.text(Fields.certificateNumber) ?? "", issuedOn: try source.text(Fields.issuedOn),
                  expiresOn: try source.text(Fields.expiresOn), note: try source.text(Fields.note),
                  holderConsent: try source.flag(Fields.holderConsent) ?? false)
        holderEmail = try source.text(Fields.holderEmail)
        if let text = try source.text(Fields.previousRequestId), !text.isEmpty {
            guard let id = UUID(uuidString: text) else {
                throw VerificationError.invalid([InputError(Fields.previousRequestId.name, zh: "重新核验须引用贵单位已出结果的申请。",
                                                         en: "previousRequestId must be the id of one of your own completed requests (a UUID).")])
            }
            previousRequestId = id
        }
    }
}

/// One of a request's optional facts as the pages lay it out (issue 44): the new-request form
/// asks for it and the request's page shows it, in this order, so a new optional fact is
/// declared here and not in the pages.
public struct OptionalFact: Sendable {
    public enum Input: Sendable { case text, date }

    public var field: CommandField
    /// Its name on the request's page; the form adds `formNote`.
    public var name: BilingualText
    public var formNote: BilingualText
    public var input: Input
    /// Personal data, erased at the end of the retention period (the page says so in its place).
    public var personal: Bool
    /// Filled in again when the employer re-checks a completed request.
    public var keptOnRecheck: Bool
    /// The fact as given, and as the request's page shows it (a passport number masked for some).
    public var value: @Sendable (VerificationRequest) -> String?
    public var shown: @Sendable (VerificationRequest) -> String?

    init(_ field: CommandField, zh: String, formNote: BilingualText = BilingualText(zh: "（可选）", en: " (optional)"), input: Input = .text,
         personal: Bool = false, keptOnRecheck: Bool = true, value: @escaping @Sendable (VerificationRequest) -> String?,
         shown: (@Sendable (VerificationRequest) -> String?)? = nil) {
        self.field = field
        name = BilingualText(zh: zh, en: field.label)
        self.formNote = formNote
        self.input = input
        self.personal = personal
        self.keptOnRecheck = keptOnRecheck
        self.value = value
        self.shown = shown ?? value
    }

    /// What the form labels it.
    public var formLabel: BilingualText { BilingualText(zh: name.zh + formNote.zh, en: name.en + formNote.en) }
    /// A fact about the holder (shown with the holder), else about the certificate.
    public var aboutHolder: Bool { field.parent == "holder" }
}

extension VerificationDraft.Fields {
    /// The request's optional facts, in the order the pages show them.
    public static let optionalFacts: [OptionalFact] = [
        OptionalFact(holderDateOfBirth, zh: "出生日期", input: .date, personal: true, value: { $0.holderDateOfBirth }),
        OptionalFact(passportNumber, zh: "护照号码", formNote: BilingualText(zh: "（可选，加密保存）", en: " (optional, stored encrypted)"),
                     personal: true, value: { $0.passportNumber }, shown: { $0.passportNumber ?? $0.passportMasked }),
        OptionalFact(issuedOn, zh: "发证日期", input: .date, value: { $0.issuedOn }),
        // A re-check is for the renewed certificate: its expiry is asked again.
        OptionalFact(expiresOn, zh: "有效期至", input: .date, keptOnRecheck: false, value: { $0.expiresOn }),
    ]
}

