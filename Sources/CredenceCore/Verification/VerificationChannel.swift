import Foundation

/// How a body's certificates can be checked, where that knowledge comes from and how far
/// to trust it.
public struct VerificationChannel: Sendable, Codable, Equatable {
    public var kind: ChannelKind
    /// Where to check; nil when no public channel is known.
    public var url: String?
    /// What the channel needs from the request (certificate number, holder's name…), as the source names it.
    public var inputs: [String]
    /// The working days an estimate counts from acceptance.
    public var typicalWorkingDays: Int
    /// Whether `typicalWorkingDays` converts a turnaround a source states, or is a planning default.
    public var workingDaysBasis: WorkingDaysBasis
    /// What the sources say about turnaround, in their words (nil where they say nothing).
    public var turnaround: String?
    public var confidence: ChannelConfidence
    /// Pages and files that show the channel's purpose, each with the sentence that shows it.
    public var evidence: [ChannelEvidence]
    /// An administrator's confirmation or correction; it sets `confidence` to `confirmed`.
    public var confirmation: ChannelConfirmation?
    /// Where these facts come from, in a sentence.
    public var source: String

    public init(kind: ChannelKind, url: String?, inputs: [String], typicalWorkingDays: Int, workingDaysBasis: WorkingDaysBasis = .planningDefault,
                turnaround: String? = nil, confidence: ChannelConfidence, evidence: [ChannelEvidence] = [],
                confirmation: ChannelConfirmation? = nil, source: String) {
        self.kind = kind
        self.url = url
        self.inputs = inputs
        self.typicalWorkingDays = typicalWorkingDays
        self.workingDaysBasis = workingDaysBasis
        self.turnaround = turnaround
        self.confidence = confidence
        self.evidence = evidence
        self.confirmation = confirmation
        self.source = source
    }

    private enum CodingKeys: String, CodingKey {
        case kind, url, inputs, typicalWorkingDays, workingDaysBasis, turnaround, confidence, evidence, confirmation, source
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(url, forKey: .url)  // null, not absent
        try c.encode(inputs, forKey: .inputs)
        try c.encode(typicalWorkingDays, forKey: .typicalWorkingDays)
        try c.encode(workingDaysBasis, forKey: .workingDaysBasis)
        try c.encode(turnaround, forKey: .turnaround)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(confirmation, forKey: .confirmation)
        try c.encode(source, forKey: .source)
    }

    /// Where no public channel is known: write to the body, and say so.
    public static let writtenRequestDefault = VerificationChannel(
        kind: .writtenRequest, url: nil, inputs: ["certificateNumber", "holderName"], typicalWorkingDays: 15, confidence: .noneFound,
        source: "No public channel known: Credence's default for a written request to the issuing body.")
}

public enum ChannelKind: String, CaseIterable, Sendable, Codable {
    /// A register the body publishes by law or rule (pharmacists, HK CPAs…).
    case publicRegister = "public_register"
    /// A page that validates a certificate or digital badge by its number.
    case badgeValidation = "badge_validation"
    /// A member directory.
    case directory
    /// A written request to the body.
    case writtenRequest = "written_request"
    /// No channel found.
    case noneFound = "none_found"

    public var name: BilingualText {
        switch self {
        case .publicRegister: BilingualText(zh: "公开注册名册", en: "Public register")
        case .badgeValidation: BilingualText(zh: "证书/徽章在线验证", en: "Certificate or badge validation page")
        case .directory: BilingualText(zh: "会员名录", en: "Member directory")
        case .writtenRequest: BilingualText(zh: "向发证机构书面查询", en: "Written request to the body")
        case .noneFound: BilingualText(zh: "未找到公开渠道", en: "No public channel found")
        }
    }
}

/// Where a channel's working days come from.
public enum WorkingDaysBasis: String, CaseIterable, Sendable, Codable {
    /// A source states a turnaround; converted to working days.
    case stated
    /// Credence's planning figure for the kind of channel; no source states one.
    case planningDefault = "default"

    public var name: BilingualText {
        switch self {
        case .stated: BilingualText(zh: "按来源所述时限折算的工作日", en: "working days converted from a turnaround a source states")
        case .planningDefault: BilingualText(zh: "计划默认值，无来源说明时限", en: "planning default; no source states a turnaround")
        }
    }
}

extension VerificationChannel {
    /// What is wrong with a channel an administrator typed, each naming its field.
    public func problems() -> [InputError] {
        var problems: [InputError] = []
        if let url, !HTTPAddress.isValid(url) || url.schemaLength > 1000 {
            problems.append(InputError("channel.url", zh: "网址须以 http(s):// 开头，或留空。", en: "The channel's address must be an http(s) address, or left empty."))
        }
        if !(1...365).contains(typicalWorkingDays) {
            problems.append(InputError("channel.typicalWorkingDays", zh: "工作日须在1到365之间。", en: "Working days must be from 1 to 365."))
        }
        if source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || source.schemaLength > 1000 {
            problems.append(InputError("channel.source", zh: "请说明核实所依据的来源。",
                                       en: "Where you checked it is required: the page, letter or call that confirmed the channel (up to 1,000 characters)."))
        }
        if inputs.count > 10 || inputs.contains(where: { $0.isEmpty || $0.schemaLength > 100 }) {
            problems.append(InputError("channel.inputs", zh: "所需信息最多10项。", en: "What the channel needs must be up to 10 names of what the channel needs."))
        }
        if let turnaround, turnaround.schemaLength > 1000 {
            problems.append(InputError("channel.turnaround", zh: "时限说明最多1000字。", en: "What the source says about time must be up to 1,000 characters."))
        }
        if workingDaysBasis == .stated, (turnaround ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(InputError("channel.turnaround", zh: "按来源所述时限时，请写明来源所述的时限。",
                                       en: "What the source says about time must quote the stated turnaround when workingDaysBasis is stated."))
        }
        return problems
    }

    /// The channel an administrator confirmed or corrected: what they typed, the evidence
    /// found before kept, and the confidence raised to `confirmed by <name> on <date>`.
    /// Basis and turnaround they leave out stay as they were while the working days do;
    /// changed days without a basis become a planning default, never a "stated" figure.
    public func confirmed(as correction: ChannelCorrection, by name: String, on date: CalendarDate) -> VerificationChannel {
        let sameDays = correction.typicalWorkingDays == typicalWorkingDays
        return VerificationChannel(
            kind: correction.kind, url: correction.url, inputs: correction.inputs, typicalWorkingDays: correction.typicalWorkingDays,
            workingDaysBasis: correction.workingDaysBasis ?? (sameDays ? workingDaysBasis : .planningDefault),
            turnaround: correction.turnaround ?? turnaround, confidence: .confirmed, evidence: evidence,
            confirmation: ChannelConfirmation(by: name, on: date.description, source: correction.source), source: correction.source)
    }
}

/// What an administrator types to confirm or correct a channel. `nil` basis or
/// turnaround: keep what the channel has (`.some(nil)` turnaround clears it).
public struct ChannelCorrection: Sendable, Equatable {
    public var kind: ChannelKind
    public var url: String?
    public var inputs: [String]
    public var typicalWorkingDays: Int
    public var workingDaysBasis: WorkingDaysBasis?
    public var turnaround: String??
    /// Where the administrator checked.
    public var source: String

    public init(kind: ChannelKind, url: String?, inputs: [String], typicalWorkingDays: Int, workingDaysBasis: WorkingDaysBasis? = nil,
                turnaround: String?? = nil, source: String) {
        self.kind = kind
        self.url = url
        self.inputs = inputs
        self.typicalWorkingDays = typicalWorkingDays
        self.workingDaysBasis = workingDaysBasis
        self.turnaround = turnaround
        self.source = source
    }
}
