import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// The service's own records: the issuing bodies' channels, the audit log, an employer's webhook.
extension VerificationAPIController {
    @Sendable func issuingBodies(_ request: Request, _ context: AppRequestContext) async throws -> IssuingBodyListDTO {
        IssuingBodyListDTO(issuingBodies: try await state.registry(from: store).bodies)
    }

    /// An administrator confirms or corrects a channel: `{"channel": {…, "source"}, "checkedOn"?}`.
    @Sendable func updateChannel(_ request: Request, _ context: AppRequestContext) async throws -> IssuingBodyListDTO {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["channel", "checkedOn"])
        let channel = try body.object("channel", accepting: ["kind", "url", "inputs", "typicalWorkingDays", "workingDaysBasis", "turnaround", "source"])
        guard let kind = try channel.choice("kind", ChannelKind.self) else {
            throw body.invalid("channel.kind", "channel.kind is required: \(ChannelKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        var checkedOn: CalendarDate?
        if let text = try body.string("checkedOn") {
            guard let date = CalendarDate(text) else { throw body.invalid("checkedOn", "checkedOn must be the day the source was checked, YYYY-MM-DD; got '\(text)'.") }
            checkedOn = date
        }
        let correction = ChannelCorrection(
            kind: kind, url: try channel.string("url"),
            inputs: try channel.stringArray("inputs", "what the channel needs (names of request fields)"),
            typicalWorkingDays: try channel.wholeNumber("typicalWorkingDays") ?? 0,
            workingDaysBasis: try channel.choice("workingDaysBasis", WorkingDaysBasis.self),
            turnaround: channel.fields["turnaround"] == nil ? nil : .some(try channel.nonBlankString("turnaround")),
            source: try channel.requiredString("source", "where the administrator checked the channel"))
        let updated = try await store.verifications.updateChannel(
            of: try context.parameters.require("body"), to: correction, checkedOn: checkedOn, by: try context.requireActor().account)
        try await state.reload(from: store)
        return IssuingBodyListDTO(issuingBodies: [updated])
    }

    @Sendable func audit(_ request: Request, _ context: AppRequestContext) async throws -> AuditListDTO {
        let after = try QueryParameters(request).int("after", in: 0...Int.max) ?? 0
        let events = try await store.auditLog.events(after: Int64(after))
        return AuditListDTO(events: events.map {
            .init(seq: $0.seq, at: Timestamps.rfc3339($0.at), kind: $0.kind, actorId: $0.actor, subjectId: $0.subject,
                  email: $0.email, detail: $0.detail, previousHash: $0.previousHash, hash: $0.hash)
        })
    }

    @Sendable func registerWebhook(_ request: Request, _ context: AppRequestContext) async throws -> WebhookDTO {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["url"])
        let url = try body.requiredString("url", "the http(s) address that receives status changes")
        let secret = try await store.webhooks.register(url: url, for: try context.requireActor().account)
        return WebhookDTO(url: url, secret: secret)
    }
}
