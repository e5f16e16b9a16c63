import CredenceCore

/// An evaluation as `POST /api/v1/benefits` and `credence benefits --format json` show it
/// (contract.md, "Benefits"): all fifteen benefits, in the rules' order, each with where
/// it is claimed (`routes`, issue 32: summaries, or whole with `?include=routes`, issue 45;
/// routes change no rule). The API writes the same bytes
/// from pieces encoded once (`EncodedBenefitAnswer`).
public struct BenefitEvaluationDTO: Encodable, Sendable {
    public var edition: String
    public var qualifications: [QualificationStandingDTO]
    public var benefits: [BenefitResultDTO]
    public var notes: [BenefitNoteDTO]

    /// `wholeRoutes`: each benefit's routes whole (`?include=routes`), else their summaries.
    public init(_ evaluation: BenefitEvaluation, routes: EncodedBenefitRoutes, wholeRoutes: Bool = false) {
        edition = evaluation.edition
        qualifications = evaluation.qualifications.map { standing in
            QualificationStandingDTO(
                id: standing.entry.id, status: standing.status.rawValue,
                reasons: standing.reasons.map { ReasonDTO($0, in: evaluation) })
        }
        benefits = evaluation.benefits.map { result in
            let reasons = result.reasons.map { ReasonDTO($0, in: evaluation) }
            return BenefitResultDTO(
                id: result.benefit.rawValue, group: result.benefit.group.rawValue, clause: result.benefit.clause,
                title: result.benefit.title, status: result.status.rawValue, level: result.level?.rawValue, reasons: reasons,
                routes: routes.dtos(for: result.benefit, whole: wholeRoutes),
                byQualification: zip(evaluation.qualifications, evaluation.byQualification(result.benefit)).map { standing, own in
                    // The same reasons (always, with one qualification held) are worded once.
                    QualificationResultDTO(entryId: standing.entry.id, status: own.status.rawValue, level: own.level?.rawValue,
                                           reasons: own.reasons == result.reasons ? reasons : own.reasons.map { ReasonDTO($0, in: evaluation) })
                })
        }
        notes = evaluation.notes.map { BenefitNoteDTO(id: $0.rawValue, clause: $0.clause, zh: $0.text.zh, en: $0.text.en) }
    }
}

/// One benefit through one held qualification (v2 `byQualification`).
public struct QualificationResultDTO: Encodable, Sendable {
    public var entryId: String
    public var status: String
    public var level: String?
    public var reasons: [ReasonDTO]

    enum CodingKeys: String, CodingKey { case entryId, status, level, reasons }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entryId, forKey: .entryId)
        try c.encode(status, forKey: .status)
        try c.encode(level, forKey: .level)  // null, not absent
        try c.encode(reasons, forKey: .reasons)
    }
}

/// What every answer says besides the benefits, with the clause it rests on (or null).
public struct BenefitNoteDTO: Encodable, Sendable {
    public var id: String
    public var clause: String?
    public var zh: String
    public var en: String

    enum CodingKeys: String, CodingKey { case id, clause, zh, en }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(clause, forKey: .clause)  // null, not absent
        try c.encode(zh, forKey: .zh)
        try c.encode(en, forKey: .en)
    }
}

public struct QualificationStandingDTO: Encodable, Sendable {
    public var id: String
    public var status: String
    public var reasons: [ReasonDTO]
}

public struct BenefitResultDTO: Encodable, Sendable {
    public var id: String
    public var group: String
    public var clause: String
    public var title: BilingualText
    public var status: String
    public var level: String?
    public var reasons: [ReasonDTO]
    /// Where it is claimed: one office, or two.
    public var routes: BenefitRoutesDTO
    public var byQualification: [QualificationResultDTO]

    enum CodingKeys: String, CodingKey { case id, group, clause, title, status, level, reasons, routes, byQualification }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(group, forKey: .group)
        try c.encode(clause, forKey: .clause)
        try c.encode(title, forKey: .title)
        try c.encode(status, forKey: .status)
        try c.encode(level, forKey: .level)  // null, not absent
        try c.encode(reasons, forKey: .reasons)
        try c.encode(routes, forKey: .routes)
        try c.encode(byQualification, forKey: .byQualification)
    }
}

/// A reason in both languages, with the profile field that would settle it (`fact`, or
/// null when no answer would change it).
public struct ReasonDTO: Encodable, Sendable, Equatable {
    public var zh: String
    public var en: String
    public var fact: String?

    init(_ reason: BenefitReason, in evaluation: BenefitEvaluation) {
        let text = evaluation.text(of: reason)
        zh = text.zh
        en = text.en
        fact = reason.missingFact?.rawValue
    }

    enum CodingKeys: String, CodingKey { case zh, en, fact }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(zh, forKey: .zh)
        try c.encode(en, forKey: .en)
        try c.encode(fact, forKey: .fact)
    }
}
