import Foundation

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
