import CredenceCore
import Foundation

/// The holder's own place as JSON (issue 31): who asks, what is held and sent, the consent's
/// words and their versions, the holder's records, the status and history, the result and
/// the public check's settings.
struct HolderDTO: Encodable, Sendable {
    struct Words: Encodable, Sendable {
        var language: String
        var processing: String
        var processingVersion: String
        var transferAbroad: String
        var transferAbroadVersion: String
    }

    struct Body: Encodable, Sendable {
        var id: String
        var name: BilingualText
        var countryOrRegion: BilingualText?
        var sentToIt: [BilingualText]

        enum CodingKeys: String, CodingKey { case id, name, countryOrRegion, sentToIt }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(countryOrRegion, forKey: .countryOrRegion)
            try c.encode(sentToIt, forKey: .sentToIt)
        }
    }

    struct PublicCheckDTO: Encodable, Sendable {
        var active: Bool
        var days: Int
        var lastDay: String
    }

    var request: VerificationRequestDTO
    var creditCode: String?
    var qualification: BilingualText?
    var issuingBody: Body
    var purpose = HolderConsentText.purpose
    var retentionDays: Int
    var consentWords: Words
    var linkExpiresAt: String
    var publicCheck: PublicCheckDTO?

    init(_ content: HolderContent, today: CalendarDate) {
        var shown = content.request
        shown.assigneeId = nil
        request = VerificationRequestDTO(request: shown, channel: nil, detail: true)
        creditCode = content.view.creditCode
        qualification = content.entry?.name
        issuingBody = Body(id: content.body.id, name: content.body.name, countryOrRegion: content.entry?.region,
                           sentToIt: HolderConsentText.sent(content.body.channel.inputs))
        retentionDays = content.retentionDays
        let text = content.text
        consentWords = Words(language: content.language.rawValue, processing: text.processing, processingVersion: text.version(of: .processing),
                             transferAbroad: text.transferAbroad, transferAbroadVersion: text.version(of: .transferAbroad))
        linkExpiresAt = Timestamps.rfc3339(content.view.linkExpiresAt)
        publicCheck = content.publicCheckLastDay.map {
            PublicCheckDTO(active: content.publicCheckActive(today: today), days: content.request.publicCheckDays ?? content.publicCheck.days,
                           lastDay: $0.description)
        }
    }

    enum CodingKeys: String, CodingKey {
        case request, creditCode, qualification, issuingBody, purpose, retentionDays, consentWords, linkExpiresAt, publicCheck
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(request, forKey: .request)
        try c.encode(creditCode, forKey: .creditCode)
        try c.encode(qualification, forKey: .qualification)
        try c.encode(issuingBody, forKey: .issuingBody)
        try c.encode(purpose, forKey: .purpose)
        try c.encode(retentionDays, forKey: .retentionDays)
        try c.encode(consentWords, forKey: .consentWords)
        try c.encode(linkExpiresAt, forKey: .linkExpiresAt)
        try c.encode(publicCheck, forKey: .publicCheck)
    }
}
