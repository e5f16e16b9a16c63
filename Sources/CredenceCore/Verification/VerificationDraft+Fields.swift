import Foundation

/// The draft's fields, declared once for the API, the form and the batch sheet (issue 44).
extension VerificationDraft {
    public enum Fields {
        public static let entryId = CommandField("entryId", .required(hint: "a catalog entry id such as cfa"))
        public static let holderName = CommandField("holder.name", .required(hint: "the holder's name as on the certificate"))
        public static let holderNationality = CommandField("holder.nationality", .required(hint: "an ISO 3166-1 alpha-2 code such as GB"))
        public static let holderDateOfBirth = CommandField("holder.dateOfBirth", .fact)
        public static let passportNumber = CommandField("holder.passportNumber", .fact)
        public static let holderEmail = CommandField("holder.email", .fact)
        public static let certificateNumber = CommandField("certificateNumber", .required(hint: "the number on the certificate"))
        public static let issuedOn = CommandField("issuedOn", .fact)
        public static let expiresOn = CommandField("expiresOn", .fact)
        public static let note = CommandField("note", .text)
        public static let holderConsent = CommandField("holderConsent", .flag)
        public static let previousRequestId = CommandField("previousRequestId", .fact)

        /// In the order a person fills them in.
        public static let all = [entryId, holderName, holderNationality, holderDateOfBirth, passportNumber, holderEmail, certificateNumber,
                                 issuedOn, expiresOn, note, holderConsent, previousRequestId]
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
