import Foundation

/// How long a finished request keeps its holder's personal data (China's PIPL, art. 19:
/// no longer than the purpose needs). Once a request has been completed, rejected or
/// withdrawn for `days` days, its passport number, date of birth and attachments are
/// erased and the holder's name is kept masked; the result, the code, the receipt and the
/// audit chain stay (`CREDENCE_RETENTION_DAYS`, default 180).
public struct RetentionPolicy: Sendable, Equatable {
    public static let defaultDays = 180
    public var days: Int

    public init(days: Int = RetentionPolicy.defaultDays) {
        self.days = days
    }

    /// Reads `CREDENCE_RETENTION_DAYS` (0–3650); throws a message naming it.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(InvalidInput)
        -> RetentionPolicy
    {
        RetentionPolicy(days: try DaysSetting.read("CREDENCE_RETENTION_DAYS", in: 0...3650, default: defaultDays, environment))
    }

    /// Requests finished before this moment are due for erasure.
    public func cutoff(now: Date) -> Date { now.addingTimeInterval(-Double(days) * 86_400) }
}

/// That a request's personal data was erased, when, and under which retention period.
public struct PersonalDataErasure: Sendable, Equatable {
    public var at: Date
    public var afterDays: Int

    public init(at: Date, afterDays: Int) {
        self.at = at
        self.afterDays = afterDays
    }

    /// Said where the data was.
    public var notice: BilingualText {
        BilingualText(zh: "已于办结\(afterDays)天后删除（个人信息保护法第十九条）",
                      en: "Erased \(afterDays) days after the request was finished (PIPL art. 19)")
    }
}

/// A request due for (or given) erasure, as `credence purge` lists it.
public struct ErasureCandidate: Sendable, Equatable {
    public var id: UUID
    public var status: VerificationStatus
    public var finishedAt: Date
    public var attachments: Int

    public init(id: UUID, status: VerificationStatus, finishedAt: Date, attachments: Int) {
        self.id = id
        self.status = status
        self.finishedAt = finishedAt
        self.attachments = attachments
    }
}
