import CredenceCore
import Foundation

/// A request's later parts as the API shows them: its review (issue 33) and whose consent
/// it rests on (issue 31).
extension VerificationRequestDTO {
    /// 复核: as asked and, once decided, the decision (issue 33).
    struct ReviewDTO: Encodable {
        var review: ResultReview

        enum CodingKeys: String, CodingKey { case requestedAt, reason, note, decision, decidedAt, decisionNote, outcomeReviewed }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(Timestamps.rfc3339(review.requestedAt), forKey: .requestedAt)
            try c.encode(review.reason, forKey: .reason)
            try c.encode(review.note, forKey: .note)
            try c.encode(review.decision?.rawValue, forKey: .decision)
            try c.encode(review.decidedAt.map(Timestamps.rfc3339), forKey: .decidedAt)
            try c.encode(review.decisionNote, forKey: .decisionNote)
            try c.encode(review.outcomeReviewed?.rawValue, forKey: .outcomeReviewed)
        }
    }
}
