/// How the forms label each field, in English (issue 43): every English message about a
/// field begins with its label, so a person reads "Certificate number is required", while the
/// API's `field` keeps the machine name (`certificateNumber`). The CLI puts its flag in the
/// label's place.
public enum FieldLabel {
    /// Every command's labels: the verification draft's from its fields, the rest here.
    public static let english: [String: String] = others.merging(VerificationDraft.Fields.all.map { ($0.name, $0.label) }) { $1 }

    static let others: [String: String] = [
        "age": "Age",
        "answers": "The answers",
        "channel": "Channel",
        "channel.inputs": "What the channel needs",
        "channel.source": "Where you checked it",
        "channel.turnaround": "What the source says about time",
        "channel.typicalWorkingDays": "Working days",
        "channel.url": "The channel's address",
        "checkedOn": "Checked on",
        "comment": "Comment",
        "contact": "Contact",
        "contactName": "Contact name",
        "days": "Days",
        "decision": "Decision",
        "department": "Department",
        "documents": "Documents",
        "edition": "Edition",
        "effectiveOn": "In force from",
        "email": "Email",
        "id": "The id",
        "items": "What is missing",
        "jurisdiction": "Jurisdiction",
        "name": "Name",
        "note": "Note",
        "notice": "Notice",
        "noticeRef": "Notice reference",
        "officerId": "Officer",
        "on": "Date",
        "organizationName": "Organization name",
        "outcome": "Outcome",
        "phone": "Telephone",
        "qualifications": "Qualifications",
        "reason": "Reason",
        "relevantExperienceYears": "Years of relevant experience",
        "role": "Role",
        "score": "Score",
        "source": "Source",
        "sources": "Sources",
        "text": "Text",
        "unifiedSocialCreditCode": "Unified social credit code",
        "url": "Online address",
        "workRelatedTo": "Work related to",
        "workZone": "Work zone",
        "year": "Year",
    ]

    /// `message` with its field's label at the start replaced (`"--age must be …"`), or nil
    /// when it does not begin with the label.
    public static func replacing(_ field: String?, in message: String, with replacement: String) -> String? {
        guard let field, let label = english[field], message.hasPrefix(label) else { return nil }
        return replacement + message.dropFirst(label.count)
    }
}
