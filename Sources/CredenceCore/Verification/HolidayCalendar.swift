import Foundation

/// Working days as Chinese government services count them (工作日): the State Council's
/// yearly arrangement of public holidays and make-up working days (调休). A day listed as a
/// holiday is not a working day; a listed weekend day is one; otherwise Monday to Friday.
/// A year with no arrangement loaded is counted Monday to Friday, and said to be.
public struct HolidayCalendar: Sendable, Equatable {
    /// One year's arrangement, as the State Council's notice gives it.
    public struct Year: Sendable, Equatable, Codable {
        public struct Holiday: Sendable, Equatable, Codable {
            public var name: BilingualText
            public var from: CalendarDate
            public var to: CalendarDate

            public init(name: BilingualText, from: CalendarDate, to: CalendarDate) {
                self.name = name
                self.from = from
                self.to = to
            }
        }

        public var year: Int
        public var notice: String
        public var sources: [String]
        public var holidays: [Holiday]
        public var workingWeekends: [CalendarDate]

        public init(year: Int, notice: String, sources: [String], holidays: [Holiday], workingWeekends: [CalendarDate]) {
            self.year = year
            self.notice = notice
            self.sources = sources
            self.holidays = holidays
            self.workingWeekends = workingWeekends
        }

        /// Every problem with this year as given (dates in the year, ranges in order, make-up
        /// days on weekends, a notice and a source).
        public func problems(forYear expected: Int) -> [InputError] {
            var problems: [InputError] = []
            if year != expected {
                problems.append(InputError("year", zh: "年份须与地址中的年份一致。", en: "Year must be \(expected), the year in the address."))
            }
            if notice.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || notice.schemaLength > 500 {
                problems.append(InputError("notice", zh: "请填写国务院办公厅通知的名称。", en: "Notice is required: the State Council notice's title (at most 500 characters)."))
            }
            if sources.isEmpty || sources.contains(where: { $0.isEmpty || $0.schemaLength > 500 }) || sources.count > 20 {
                problems.append(InputError("sources", zh: "请至少提供一个来源。", en: "Sources must list 1 to 20 places the arrangement was read from."))
            }
            for (index, holiday) in holidays.enumerated() {
                if holiday.from.year != year || holiday.to.year != year || holiday.to < holiday.from || holiday.from.addingDays(31) < holiday.to {
                    problems.append(InputError("holidays[\(index)]", zh: "假期须在该年内，且起止日期有序（不超过一个月）。",
                                               en: "Holiday \(index + 1) must lie within \(year), from before to, at most a month long."))
                }
                if holiday.name.zh.isEmpty || holiday.name.en.isEmpty {
                    problems.append(InputError("holidays[\(index)].name", zh: "假期须有中英文名称。", en: "holidays[\(index)].name needs zh and en."))
                }
            }
            for (index, day) in workingWeekends.enumerated() where day.year != year || !day.isWeekend {
                problems.append(InputError("workingWeekends[\(index)]", zh: "调休上班日须是该年的周六或周日。",
                                           en: "Working weekend day \(index + 1) must be a Saturday or Sunday in \(year); got \(day)."))
            }
            if holidays.count > 40 || workingWeekends.count > 40 {
                problems.append(InputError("holidays", zh: "条目过多。", en: "At most 40 holidays and 40 working weekends a year."))
            }
            return problems
        }
    }

    public private(set) var years: [Int: Year]
    private var holidayDays: Set<CalendarDate> = []
    private var workingWeekendDays: Set<CalendarDate> = []

    public init(years: [Year]) {
        self.years = Dictionary(years.map { ($0.year, $0) }, uniquingKeysWith: { _, last in last })
        for year in self.years.values {
            for holiday in year.holidays {
                var day = holiday.from
                while day <= holiday.to {
                    holidayDays.insert(day)
                    day = day.addingDays(1)
                }
            }
            workingWeekendDays.formUnion(year.workingWeekends)
        }
    }

    public func isOfficial(_ year: Int) -> Bool { years[year] != nil }

    public func isWorkingDay(_ day: CalendarDate) -> Bool {
        if holidayDays.contains(day) { return false }
        if workingWeekendDays.contains(day) { return true }
        return !day.isWeekend
    }

    /// The date `days` working days after `date` (the day itself not counted), and whether
    /// every year it passed through has an official calendar.
    public func adding(_ days: Int, to date: CalendarDate) -> (date: CalendarDate, official: Bool) {
        var current = date
        var remaining = max(0, days)
        var official = isOfficial(date.year)
        while remaining > 0 {
            current = current.addingDays(1)
            official = official && isOfficial(current.year)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return (current, official)
    }

    /// The calendar shipped with Credence: `Resources/china-public-holidays.json`, the
    /// State Council's arrangements with the notice and sources of each year.
    public static func bundled() throws -> HolidayCalendar {
        struct File: Decodable { var years: [Year] }
        return HolidayCalendar(years: try JSONDecoder().decode(File.self, from: BundledData.resource("china-public-holidays", "json")).years)
    }
}
