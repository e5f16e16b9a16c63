/// How long submitted requests waited to be accepted. The notice sets no deadline for
/// acceptance (annex 2 names one only for the result), so an employer waiting is shown what
/// the desk measured over the service-standards period — in working days, as the result's
/// own estimate is counted — and only from enough requests to mean something.
public struct AcceptanceWait: Sendable, Equatable {
    /// Fewer accepted requests than this and no figure is shown: two or three would mislead.
    public static let minimumSample = 5

    /// How many requests were accepted in the period.
    public var accepted: Int
    /// Half were accepted within this many working days of their submission; nil below the sample.
    public var medianWorkingDays: Double?

    /// `waits`: each accepted request's day of submission and day of acceptance (China's days).
    public init(waits: [(submitted: CalendarDate, accepted: CalendarDate)], calendar: HolidayCalendar) {
        accepted = waits.count
        guard waits.count >= Self.minimumSample else { return }
        var counts: [Int: Int] = [:]
        for wait in waits { counts[calendar.workingDays(from: wait.submitted, to: wait.accepted), default: 0] += 1 }
        medianWorkingDays = ServiceStandards.median(counts: counts)
    }

}
