import Foundation

/// 一次性告知: when an officer needs more, everything missing is asked for at once, as a
/// checklist; the employer answers item by item when resubmitting.
public enum InfoItemCode: String, CaseIterable, Sendable, Codable {
    case certificateScan = "certificate_scan"
    case passportCopy = "passport_copy"
    case certificateNumber = "certificate_number"
    case holderConsentForm = "holder_consent_form"
    case issuingBodyForm = "issuing_body_form"
    case other

    public var name: BilingualText {
        switch self {
        case .certificateScan: BilingualText(zh: "证书扫描件", en: "Scan of the certificate")
        case .passportCopy: BilingualText(zh: "护照复印件", en: "Copy of the passport")
        case .certificateNumber: BilingualText(zh: "证书编号", en: "Certificate number")
        case .holderConsentForm: BilingualText(zh: "持证人授权同意书", en: "Holder's consent form")
        case .issuingBodyForm: BilingualText(zh: "发证机构要求的表格", en: "The issuing body's form")
        case .other: BilingualText(zh: "其他", en: "Other")
        }
    }
}

/// One thing asked for, with the officer's words on it.
public struct InfoItem: Codable, Sendable, Equatable {
    public var code: InfoItemCode
    public var note: String?

    public init(code: InfoItemCode, note: String?) {
        self.code = code
        self.note = note
    }
}

/// The employer's answer to item `item` (numbered from 1): a note, an uploaded file, or both.
public struct InfoAnswer: Codable, Sendable, Equatable {
    public var item: Int
    public var note: String?
    public var attachmentId: UUID?

    public init(item: Int, note: String?, attachmentId: UUID?) {
        self.item = item
        self.note = note
        self.attachmentId = attachmentId
    }
}

/// One request for information and what came back, read from a request's history: a
/// `request_info` event carries the items, the `resubmit` after it the answers.
public struct InfoRequest: Sendable, Equatable {
    public var requestedAt: Date
    public var note: String?
    public var items: [InfoItem]
    public var answers: [InfoAnswer]
    public var answeredAt: Date?

    public init(requestedAt: Date, note: String?, items: [InfoItem], answers: [InfoAnswer], answeredAt: Date?) {
        self.requestedAt = requestedAt
        self.note = note
        self.items = items
        self.answers = answers
        self.answeredAt = answeredAt
    }

    public static let maxItems = 20
    public static let maxItemNote = 500

    /// The answer to item `number` (from 1), if any.
    public func answer(to number: Int) -> InfoAnswer? { answers.first { $0.item == number } }

    /// Every request for information in `history`, oldest first.
    public static func all(in history: [VerificationRequest.Event]) -> [InfoRequest] {
        var rounds: [InfoRequest] = []
        for event in history {
            if event.action == .requestInfo {
                rounds.append(InfoRequest(requestedAt: event.at, note: event.note, items: event.items ?? [], answers: [], answeredAt: nil))
            } else if event.action == .resubmit, let last = rounds.indices.last, rounds[last].answeredAt == nil {
                rounds[last].answers = event.answers ?? []
                rounds[last].answeredAt = event.at
            }
        }
        return rounds
    }

    /// The checklist an officer sends: at least one item, at most 20; `other` says what.
    public static func validated(_ items: [InfoItem]) throws(InvalidInput) -> [InfoItem] {
        var problems: [InputError] = []
        if items.isEmpty || items.count > maxItems {
            problems.append(InputError("items", zh: "请列出需要补充的全部材料（1至20项）。",
                                       en: "What is missing is required: everything missing at once, 1 to 20 items, each {\"code\": \(InfoItemCode.allCases.map(\.rawValue).joined(separator: "|")), \"note\"}."))
        }
        var cleaned: [InfoItem] = []
        for (index, item) in items.enumerated() {
            let note = item.note?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
            if let note, note.schemaLength > maxItemNote {
                problems.append(InputError("items[\(index)].note", zh: "每项说明最多500字。", en: "items[\(index)].note may have at most 500 characters."))
            }
            if item.code == .other, note == nil {
                problems.append(InputError("items[\(index)].note", zh: "“其他”项请说明需要什么。", en: "items[\(index)].note is required for code other: say what is needed."))
            }
            cleaned.append(InfoItem(code: item.code, note: note))
        }
        guard problems.isEmpty else { throw InvalidInput(problems: problems) }
        return cleaned
    }

    /// The employer's answers to this checklist: every item answered once, each with a note
    /// or a file of the request's (`attachments`).
    public func validatedAnswers(_ answers: [InfoAnswer], attachments: Set<UUID>) throws(InvalidInput) -> [InfoAnswer] {
        var problems: [InputError] = []
        var cleaned: [InfoAnswer] = []
        for (index, answer) in answers.enumerated() {
            let note = answer.note?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
            if !(1...items.count).contains(answer.item) || cleaned.contains(where: { $0.item == answer.item }) {
                problems.append(InputError("answers[\(index)].item", zh: "答复须对应所列的某一项（1至\(items.count)），每项一次。",
                                           en: "answers[\(index)].item must be the number of an item asked for, 1 to \(items.count), each once."))
            }
            if note == nil, answer.attachmentId == nil {
                problems.append(InputError("answers[\(index)]", zh: "每项答复须附说明或上传的文件。", en: "answers[\(index)] needs a note, an attachmentId, or both."))
            }
            if let note, note.schemaLength > Self.maxItemNote {
                problems.append(InputError("answers[\(index)].note", zh: "每项答复最多500字。", en: "answers[\(index)].note may have at most 500 characters."))
            }
            if let file = answer.attachmentId, !attachments.contains(file) {
                problems.append(InputError("answers[\(index)].attachmentId", zh: "文件须先上传到本申请。",
                                           en: "answers[\(index)].attachmentId must be a file uploaded to this request."))
            }
            cleaned.append(InfoAnswer(item: answer.item, note: note, attachmentId: answer.attachmentId))
        }
        let missing = (1...items.count).filter { number in !cleaned.contains { $0.item == number } }
        if problems.isEmpty, !missing.isEmpty {
            problems.append(InputError("answers", zh: "请逐项答复所列材料，尚未答复：第\(missing.map(String.init).joined(separator: "、"))项。",
                                       en: "The answers must answer every item asked for; not answered: \(missing.map { "\($0) (\(items[$0 - 1].code.rawValue))" }.joined(separator: ", "))."))
        }
        guard problems.isEmpty else { throw InvalidInput(problems: problems) }
        return cleaned.sorted { $0.item < $1.item }
    }
}

extension String {
    /// Nil for the empty string.
    public var nilIfEmpty: String? { isEmpty ? nil : self }
}
