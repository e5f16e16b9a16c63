import CredenceCore

/// The channel that checks a request: whole on a single request; in a list (and a batch)
/// only which issuing body's channel it is and its kind — the whole channel, with its
/// evidence, is on the request and at `/api/v1/issuing-bodies/{id}` (issue 35: repeating
/// it made a list 2.4 times the bytes of its rows).
enum ChannelDTO: Encodable, Sendable {
    case whole(VerificationChannel)
    case summary(id: String, kind: ChannelKind)

    static func summary(of body: IssuingBody) -> ChannelDTO { .summary(id: body.id, kind: body.channel.kind) }

    enum SummaryKeys: String, CodingKey { case id, kind }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .whole(let channel):
            try channel.encode(to: encoder)
        case .summary(let id, let kind):
            var c = encoder.container(keyedBy: SummaryKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(kind.rawValue, forKey: .kind)
        }
    }
}
