import Foundation

/// Whether the certificate was current on the day of the result (issue 33): many entries
/// are memberships and time-limited certifications that lapse unless renewed. Derived from
/// the expiry date the employer gave and the result's day (China time), so it is never
/// stored apart from them.
public enum CertificateStatus: String, Sendable, CaseIterable, Codable {
    /// It expires on or after the result's day (a certificate is good through its last day).
    case current
    /// It expired before the result's day: an authentic result says "authentic but expired on …".
    case expired
    case noExpiryGiven = "no_expiry_given"

    public static func of(expiresOn: String?, resultDay: CalendarDate) -> CertificateStatus {
        guard let expiry = expiresOn.flatMap(CalendarDate.init) else { return .noExpiryGiven }
        return expiry < resultDay ? .expired : .current
    }

    public var name: BilingualText {
        switch self {
        case .current: BilingualText(zh: "结果日证书在有效期内", en: "current on the day of the result")
        case .expired: BilingualText(zh: "结果日证书已过有效期", en: "expired before the day of the result")
        case .noExpiryGiven: BilingualText(zh: "未提供有效期", en: "no expiry date given")
        }
    }

    /// What a result says of the certificate's dates, in a sentence: nil when no expiry was
    /// given. `today` lets a page say when a current certificate's own expiry has since passed.
    public static func sentence(outcome: VerificationOutcome?, expiresOn: String?, resultDay: CalendarDate, today: CalendarDate) -> BilingualText? {
        guard let expiresOn, let expiry = CalendarDate(expiresOn) else { return nil }
        switch of(expiresOn: expiresOn, resultDay: resultDay) {
        case .expired where outcome == .authentic:
            return BilingualText(zh: "证书真实，但已于 \(expiresOn) 过期（早于核验结果日 \(resultDay)）。",
                                 en: "Authentic, but the certificate expired on \(expiresOn), before the result's day (\(resultDay)).")
        case .expired:
            return BilingualText(zh: "证书已于 \(expiresOn) 过期。", en: "The certificate expired on \(expiresOn).")
        case .current where expiry < today:
            return BilingualText(zh: "结果日证书在有效期内；证书本身的有效期已于 \(expiresOn) 届满。",
                                 en: "The certificate was current on the result's day; its own expiry, \(expiresOn), has since passed.")
        case .current:
            return BilingualText(zh: "证书有效期至 \(expiresOn)。", en: "The certificate is valid until \(expiresOn).")
        case .noExpiryGiven:
            return nil
        }
    }
}

extension VerificationRequest {
    /// The result's day, in China.
    public var resultDay: CalendarDate? { completedAt.map { CalendarDate.today(at: $0) } }

    /// Set once the request is completed (nil before).
    public var certificateStatus: CertificateStatus? {
        guard status == .completed, let resultDay else { return nil }
        return CertificateStatus.of(expiresOn: expiresOn, resultDay: resultDay)
    }

    /// What the result says of the certificate's dates as of its own day (the request's page
    /// and the printed result); nil before completion or without an expiry date.
    public var certificateNote: BilingualText? {
        guard status == .completed, let resultDay else { return nil }
        return CertificateStatus.sentence(outcome: outcome, expiresOn: expiresOn, resultDay: resultDay, today: resultDay)
    }
}

extension PublicCheck {
    /// What the public check says of the certificate's dates (nil without an expiry date).
    public func note(today: CalendarDate) -> BilingualText? {
        guard let resultDay = CalendarDate(completedOn) else { return nil }
        return CertificateStatus.sentence(outcome: outcome, expiresOn: expiresOn, resultDay: resultDay, today: today)
    }
}

/// When an employer is told a result's certificate is about to lapse (issue 33).
public enum ExpiryNotice {
    /// Told once, this many days before the certificate's expiry (or at once, if less remain).
    public static let days = 30
    public static let event = "verification_request.certificate_expiring"
    /// The most `expiringWithinDays` a list may ask.
    public static let maxWithinDays = 366

    /// The expiry days that fall within `days` of `today`, today included.
    public static func window(today: CalendarDate, days: Int = ExpiryNotice.days) -> ClosedRange<CalendarDate> {
        today...today.addingDays(days)
    }
}
