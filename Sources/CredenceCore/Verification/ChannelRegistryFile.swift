import Foundation

/// Resources/issuing-body-channels.json, as found (2026-11-30): for each body the page to
/// check on, what it needs, a turnaround only where a source states one, the evidence and
/// a confidence. Shipped unchanged; `BundledData.issuingBodies()` reads it.
struct ChannelRegistryFile: Decodable {
    struct Body: Decodable {
        var id: String
        /// The data file's kinds, plus `unknown` where nothing was found.
        var kind: String
        var url: String?
        var inputs: [String]
        var turnaround: String?
        var evidence: [Evidence]
        var confidence: ChannelConfidence
    }

    struct Evidence: Decodable {
        var source_url: String
        var quote: String
    }

    var bodies: [Body]
}

/// Resources/issuing-bodies.json: the bodies of the catalog's entries, the planning
/// defaults, and the stated turnarounds converted to working days.
struct IssuingBodiesFile: Decodable {
    struct Body: Decodable {
        var id: String
        var name: BilingualText
        var entries: [String]
        var statedWorkingDays: StatedWorkingDays?
    }

    struct StatedWorkingDays: Decodable {
        var workingDays: Int
        var stated: String
        var conversion: String
    }

    var planningDefaults: [String: Int]
    var issuingBodies: [Body]
}

extension BundledData {
    /// The registry an administrator starts from: each body with its channel as found.
    public static func issuingBodies() throws -> [IssuingBody] {
        let bodies = try JSONDecoder().decode(IssuingBodiesFile.self, from: resource("issuing-bodies", "json"))
        let found = try JSONDecoder().decode(ChannelRegistryFile.self, from: resource("issuing-body-channels", "json"))
        let channels = Dictionary(found.bodies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try bodies.issuingBodies.map { body in
            guard let channel = channels[body.id] else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "issuing-body-channels.json has no \(body.id)"])
            }
            return IssuingBody(id: body.id, name: body.name, entries: body.entries,
                               channel: try VerificationChannel(found: channel, stated: body.statedWorkingDays, defaults: bodies.planningDefaults))
        }
    }
}

extension VerificationChannel {
    /// A channel as the registry's data found it. Where nothing was found the channel is a
    /// written request to the body, with no address.
    init(found: ChannelRegistryFile.Body, stated: IssuingBodiesFile.StatedWorkingDays?, defaults: [String: Int]) throws {
        let kind = found.confidence == .noneFound ? ChannelKind.writtenRequest : ChannelKind(rawValue: found.kind)
        guard let kind, let planned = defaults[kind.rawValue] else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(found.id): kind \(found.kind) has no planning default"])
        }
        var turnaround = found.turnaround
        if let stated, turnaround.map({ !$0.contains(stated.stated) }) ?? true {
            turnaround = [turnaround, stated.stated].compactMap { $0 }.joined(separator: " ")
        }
        self.init(kind: kind, url: found.url, inputs: found.inputs,
                  typicalWorkingDays: stated?.workingDays ?? planned, workingDaysBasis: stated == nil ? .planningDefault : .stated,
                  turnaround: turnaround, confidence: found.confidence,
                  evidence: found.evidence.map { ChannelEvidence(source: $0.source_url.trimmingCharacters(in: .whitespaces), quote: $0.quote) },
                  source: found.confidence == .noneFound
                      ? "Credence's channel registry (stored public pages and files, 2026-11-30): no public channel or documented request was found; write to the body. The working days are Credence's planning default."
                      : "Credence's channel registry (stored public pages and files, 2026-11-30); see the evidence. "
                        + (stated.map { "The working days convert the stated turnaround: \($0.conversion)" }
                            ?? "The working days are Credence's planning default for this kind of channel; no source states a turnaround."))
    }
}
