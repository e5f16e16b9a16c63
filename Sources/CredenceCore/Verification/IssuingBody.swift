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
