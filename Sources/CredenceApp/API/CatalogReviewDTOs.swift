import CredenceCore
import Foundation

/// `GET /api/v1/entries/{id}/review`.
struct DossierDTO: Encodable, Sendable {
    struct Month: Encodable, Sendable {
        var month: String
        var requests, authentic, notAuthentic, unableToVerify, expired, reviewsAsked, reviewsChanged, ratings, alertsSent: Int
        var medianWorkingDays: Double?
        var averageRating: Double?

        enum CodingKeys: String, CodingKey {
            case month, requests, authentic, notAuthentic, unableToVerify, expired, reviewsAsked, reviewsChanged, ratings, alertsSent,
                 medianWorkingDays, averageRating
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(month, forKey: .month)
            for (key, value) in [(CodingKeys.requests, requests), (.authentic, authentic), (.notAuthentic, notAuthentic),
                                 (.unableToVerify, unableToVerify), (.expired, expired), (.reviewsAsked, reviewsAsked),
                                 (.reviewsChanged, reviewsChanged), (.ratings, ratings), (.alertsSent, alertsSent)] {
                try c.encode(value, forKey: key)
            }
            try c.encode(medianWorkingDays, forKey: .medianWorkingDays)  // null, not absent
            try c.encode(averageRating, forKey: .averageRating)
        }
    }

    var entryId: String
    var months: [Month]
    var channelConfidence: String
    var channelConfirmedOn: String?
    var lastReviewedOn: String?
    var notes: [ReviewNoteDTO]

    init(_ dossier: EntryDossier) {
        entryId = dossier.entryId
        months = dossier.months.map {
            Month(month: $0.month, requests: $0.requests, authentic: $0.authentic, notAuthentic: $0.notAuthentic, unableToVerify: $0.unableToVerify,
                  expired: $0.expired, reviewsAsked: $0.reviewsAsked, reviewsChanged: $0.reviewsChanged, ratings: $0.ratings,
                  alertsSent: $0.alertsSent, medianWorkingDays: $0.medianWorkingDays, averageRating: $0.averageRating)
        }
        channelConfidence = dossier.channelConfidence.rawValue
        channelConfirmedOn = dossier.channelConfirmedOn
        lastReviewedOn = dossier.lastReviewedOn?.description
        notes = dossier.notes.map(ReviewNoteDTO.init)
    }

    enum CodingKeys: String, CodingKey { case entryId, months, channelConfidence, channelConfirmedOn, lastReviewedOn, notes }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entryId, forKey: .entryId)
        try c.encode(months, forKey: .months)
        try c.encode(channelConfidence, forKey: .channelConfidence)
        try c.encode(channelConfirmedOn, forKey: .channelConfirmedOn)
        try c.encode(lastReviewedOn, forKey: .lastReviewedOn)
        try c.encode(notes, forKey: .notes)
    }
}

struct ReviewNoteDTO: Encodable, Sendable {
    var id: String
    var entryId: String
    var kind: String
    var text: String
    var source: String?
    var by: String
    var at: String

    init(_ note: ReviewNote) {
        id = note.id.uuidString.lowercased()
        entryId = note.entryId
        kind = note.kind.rawValue
        text = note.text
        source = note.source
        by = note.by
        at = Timestamps.rfc3339(note.at)
    }

    enum CodingKeys: String, CodingKey { case id, entryId, kind, text, source, by, at }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(entryId, forKey: .entryId)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        try c.encode(source, forKey: .source)
        try c.encode(by, forKey: .by)
        try c.encode(at, forKey: .at)
    }
}

/// `GET /api/v1/demand`: the three sources, none with personal data.
struct DemandDTO: Encodable, Sendable {
    struct Search: Encodable, Sendable { var week: String; var query: String; var sessions: Int }
    struct Unlisted: Encodable, Sendable { var name: String; var count: Int }

    var searches: [Search]
    var notInCatalog: [Unlisted]
    var proposals: [ProposalDTO]

    init(_ report: DemandReport) {
        searches = report.searches.map { Search(week: $0.week, query: $0.query, sessions: $0.sessions) }
        notInCatalog = report.notInCatalog.map { Unlisted(name: $0.name, count: $0.count) }
        proposals = report.proposals.map(ProposalDTO.init)
    }
}

struct ProposalDTO: Encodable, Sendable {
    var id: String
    var createdAt: String
    var name, issuer, region, field, why: String
    /// Masked; null once decided (it is erased then) or when none was given.
    var contact: String?
    var status: String
    var decisionReason: String?
    var decidedAt: String?

    init(_ proposal: Proposal) {
        id = proposal.id.uuidString.lowercased()
        createdAt = Timestamps.rfc3339(proposal.createdAt)
        name = proposal.draft.name
        issuer = proposal.draft.issuer
        region = proposal.draft.region
        field = proposal.draft.field
        why = proposal.draft.why
        contact = proposal.draft.contact
        status = proposal.status.rawValue
        decisionReason = proposal.decisionReason
        decidedAt = proposal.decidedAt.map(Timestamps.rfc3339)
    }

    enum CodingKeys: String, CodingKey { case id, createdAt, name, issuer, region, field, why, contact, status, decisionReason, decidedAt }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(name, forKey: .name)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(region, forKey: .region)
        try c.encode(field, forKey: .field)
        try c.encode(why, forKey: .why)
        try c.encode(contact, forKey: .contact)
        try c.encode(status, forKey: .status)
        try c.encode(decisionReason, forKey: .decisionReason)
        try c.encode(decidedAt, forKey: .decidedAt)
    }
}

struct ProposalListDTO: Encodable, Sendable {
    var proposals: [ProposalDTO]
}
