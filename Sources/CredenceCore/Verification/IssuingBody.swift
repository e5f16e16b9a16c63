import Foundation

/// A body that issues catalog certificates, and how a certificate of theirs can be
/// checked: what the officer uses, and what sets the estimated completion date.
public struct IssuingBody: Sendable, Codable, Equatable {
    public var id: String
    public var name: BilingualText
    /// Catalog entry ids whose certificates it issues.
    public var entries: [String]
    public var channel: VerificationChannel

    public init(id: String, name: BilingualText, entries: [String], channel: VerificationChannel) {
        self.id = id
        self.name = name
        self.entries = entries
        self.channel = channel
    }
}

public struct VerificationChannel: Sendable, Codable, Equatable {
    public var kind: ChannelKind
    /// Where to check; nil when no public channel is known.
    public var url: String?
    /// What the channel needs from the request (certificate number, holder's name…).
    public var inputs: [String]
    public var typicalWorkingDays: Int
    /// Where these facts come from.
    public var source: String

    public init(kind: ChannelKind, url: String?, inputs: [String], typicalWorkingDays: Int, source: String) {
        self.kind = kind
        self.url = url
        self.inputs = inputs
        self.typicalWorkingDays = typicalWorkingDays
        self.source = source
    }

    private enum CodingKeys: String, CodingKey { case kind, url, inputs, typicalWorkingDays, source }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(url, forKey: .url)  // null, not absent
        try c.encode(inputs, forKey: .inputs)
        try c.encode(typicalWorkingDays, forKey: .typicalWorkingDays)
        try c.encode(source, forKey: .source)
    }

    /// Where no public channel is known: write to the body, and say so.
    public static let writtenRequestDefault = VerificationChannel(
        kind: .writtenRequest, url: nil, inputs: ["certificateNumber", "holderName"], typicalWorkingDays: 15,
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

extension BundledData {
    /// Resources/issuing-bodies.json: the registry an administrator starts from.
    public static func issuingBodies() throws -> [IssuingBody] {
        struct File: Decodable { var issuingBodies: [IssuingBody] }
        return try JSONDecoder().decode(File.self, from: resource("issuing-bodies", "json")).issuingBodies
    }
}

extension VerificationChannel {
    /// What is wrong with a channel an administrator typed, each naming its field.
    public func problems() -> [InputError] {
        var problems: [InputError] = []
        if let url, !HTTPAddress.isValid(url) || url.count > 1000 {
            problems.append(InputError("channel.url", zh: "网址须以 http(s):// 开头，或留空。", en: "channel.url must be an http(s) address or null."))
        }
        if !(1...365).contains(typicalWorkingDays) {
            problems.append(InputError("channel.typicalWorkingDays", zh: "工作日须在1到365之间。", en: "channel.typicalWorkingDays must be from 1 to 365."))
        }
        if source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || source.count > 1000 {
            problems.append(InputError("channel.source", zh: "请说明信息来源。", en: "channel.source must say where these facts come from (up to 1,000 characters)."))
        }
        if inputs.count > 10 || inputs.contains(where: { $0.isEmpty || $0.count > 50 }) {
            problems.append(InputError("channel.inputs", zh: "所需信息最多10项。", en: "channel.inputs must be up to 10 names of request fields."))
        }
        return problems
    }
}

/// Which body issues which entry's certificates, and how each can be checked: one value,
/// read once per catalog version, passed to whoever needs a channel.
public struct IssuingBodyRegistry: Sendable {
    public let bodies: [IssuingBody]
    private let byEntry: [String: IssuingBody]

    public init(_ bodies: [IssuingBody]) {
        self.bodies = bodies
        var byEntry: [String: IssuingBody] = [:]
        for body in bodies { for entry in body.entries where byEntry[entry] == nil { byEntry[entry] = body } }
        self.byEntry = byEntry
    }

    /// The body that issues an entry's certificates, or a stand-in with the written-request default.
    public func body(for entryId: String) -> IssuingBody {
        byEntry[entryId]
            ?? IssuingBody(id: "unknown", name: BilingualText(zh: "未登记的发证机构", en: "Unregistered issuing body"),
                           entries: [entryId], channel: .writtenRequestDefault)
    }
}
