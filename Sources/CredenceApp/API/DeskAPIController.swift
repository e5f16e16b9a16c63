import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// The officers' contact log with issuing bodies, and the employer's rating of a result.
struct DeskAPIController {
    let store: Store

    func addRoutes(to routes: Routes) {
        routes.post("verification-requests/:id/follow-ups", .signedIn([.officer]), use: addFollowUp)
        routes.get("verification-requests/:id/follow-ups", .verificationParty, use: followUps)
        routes.post("verification-requests/:id/rating", .signedIn([.employer]), use: rate)
    }

    @Sendable func addFollowUp(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["on", "channel", "note"])
        let list = try await store.verifications.addFollowUp(
            to: try VerificationRouting.requestID(context), on: try body.string("on") ?? "", channel: try body.string("channel") ?? "",
            note: try body.string("note"), by: try context.requireActor().account)
        return try Response.json(FollowUpListDTO(list), status: .created)
    }

    @Sendable func followUps(_ request: Request, _ context: AppRequestContext) async throws -> FollowUpListDTO {
        FollowUpListDTO(try await store.verifications.followUps(of: try VerificationRouting.requestID(context), for: try context.requireActor().account))
    }

    @Sendable func rate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        // Whose request first: another employer's is not found, whatever the body says.
        _ = try await store.verifications.request(try VerificationRouting.requestID(context), for: try context.requireActor().account)
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["score", "comment"])
        guard case .number(let number)? = body.value("score"), number == number.rounded() else {
            throw body.invalid("score", "score is required: a whole number from 1 to 5.")
        }
        let rating = try await store.verifications.rate(try VerificationRouting.requestID(context), score: Int(max(-1, min(99, number))),
                                                        comment: try body.string("comment"), by: try context.requireActor().account)
        return try Response.json(RatingDTO(score: rating.score, comment: rating.comment, at: Timestamps.rfc3339(rating.at)), status: .created)
    }
}

struct FollowUpListDTO: ResponseEncodable, Sendable {
    struct Item: Encodable, Sendable {
        var on: String
        var channel: String
        var note: String?
        var officerId: String?

        enum CodingKeys: String, CodingKey { case on, channel, note, officerId }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(on, forKey: .on)
            try c.encode(channel, forKey: .channel)
            try c.encode(note, forKey: .note)
            try c.encode(officerId, forKey: .officerId)
        }
    }

    var followUps: [Item]

    init(_ list: [FollowUp]) {
        followUps = list.map { Item(on: $0.on.description, channel: $0.channel.rawValue, note: $0.note, officerId: $0.officerId?.uuidString.lowercased()) }
    }
}

struct RatingDTO: Encodable, Sendable {
    var score: Int
    var comment: String?
    var at: String

    enum CodingKeys: String, CodingKey { case score, comment, at }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(score, forKey: .score)
        try c.encode(comment, forKey: .comment)
        try c.encode(at, forKey: .at)
    }
}
