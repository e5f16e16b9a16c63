import CredenceCore
import Foundation
import HTTPTypes
import Hummingbird

/// What the holder's page and API both show (issue 31): the request as the holder may see
/// it, its qualification and issuing body, and the consent's words in one language — core
/// values only, filled by `HolderReading`.
struct HolderContent {
    var view: HolderView
    var entry: Entry?
    var body: IssuingBody
    var retentionDays: Int
    var publicCheck: PublicCheckPolicy
    var language: Lang

    var request: VerificationRequest { view.request }
    var creditCode: String? { view.creditCode }
    var linkExpiresAt: Date { view.linkExpiresAt }
    var text: HolderConsentText {
        HolderConsentText(.init(request, entry: entry, body: body, retentionDays: retentionDays, language: language), language: language)
    }

    /// Whether the holder is asked to consent now (their basis, not yet given, no result yet).
    var asksConsent: Bool {
        request.consent.basis == .holder && request.consent.at == nil && (try? VerificationWorkflow.next(from: request.status, by: .holderConsent)) != nil
    }

    var canWithdraw: Bool {
        request.consent.basis == .holder && request.consent.at != nil && (try? VerificationWorkflow.next(from: request.status, by: .holderWithdraw)) != nil
    }

    /// The public check's last day (nil before a result).
    var publicCheckLastDay: CalendarDate? {
        request.resultDay.map { publicCheck.lastDay(resultDay: $0, days: request.publicCheckDays) }
    }

    func publicCheckActive(today: CalendarDate) -> Bool {
        guard let day = request.resultDay else { return false }
        return publicCheck.isActive(resultDay: day, days: request.publicCheckDays, switchedOff: request.publicCheckOff, today: today)
    }

}

enum HolderRouting {
    static func token(_ context: AppRequestContext) throws -> String { try context.parameters.require("token") }
}
