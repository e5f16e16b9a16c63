import CredenceCore
import Foundation
import Testing

/// Working days by the State Council's calendar (issue 17), against the shipped file itself.
@Suite struct HolidayCalendarTests {
    let calendar = try! HolidayCalendar.bundled()

    @Test func everyDayOf2024To2026MatchesTheFile() throws {
        // The file read here independently of HolidayCalendar's decoding.
        let data = try BundledData.resource("china-public-holidays", "json")
        let file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var off = Set<String>(), on = Set<String>()
        for year in file["years"] as? [[String: Any]] ?? [] {
            for holiday in year["holidays"] as? [[String: Any]] ?? [] {
                var day = try #require(CalendarDate(holiday["from"] as! String))
                let last = try #require(CalendarDate(holiday["to"] as! String))
                while day <= last { off.insert(day.description); day = day.addingDays(1) }
            }
            on.formUnion(year["workingWeekends"] as? [String] ?? [])
        }
        var day = try #require(CalendarDate("2024-01-01"))
        var checked = 0
        while day.year <= 2026 {
            let expected = off.contains(day.description) ? false : on.contains(day.description) ? true : !day.isWeekend
            #expect(calendar.isWorkingDay(day) == expected, "\(day)")
            day = day.addingDays(1)
            checked += 1
        }
        #expect(checked == 366 + 365 + 365)
        #expect(calendar.isOfficial(2024) && calendar.isOfficial(2025) && calendar.isOfficial(2026) && !calendar.isOfficial(2027))
    }

    @Test(arguments: [("2026-02-13", 3, "2026-02-25"), ("2025-09-26", 5, "2025-10-10"), ("2024-09-13", 1, "2024-09-14"),
                      ("2026-02-13", 0, "2026-02-13")])
    func theIssuesExamples(from: String, days: Int, expected: String) throws {
        let result = calendar.adding(days, to: try #require(CalendarDate(from)))
        #expect(result.date.description == expected && result.official)
    }

    @Test func aYearWithoutACalendarCountsWeekdaysAndSaysSo() throws {
        let result = calendar.adding(3, to: try #require(CalendarDate("2027-02-05")))  // a Friday
        #expect(result.date.description == "2027-02-10" && !result.official)
        let crossing = calendar.adding(5, to: try #require(CalendarDate("2026-12-28")))
        #expect(!crossing.official, "into 2027")
    }

    @Test func aYearIsCheckedBeforeItIsLoaded() throws {
        let holiday = HolidayCalendar.Year.Holiday(name: BilingualText(zh: "春节", en: "Spring Festival"),
                                                   from: try #require(CalendarDate("2027-02-06")), to: try #require(CalendarDate("2027-02-01")))
        let year = HolidayCalendar.Year(year: 2027, notice: "", sources: [], holidays: [holiday],
                                        workingWeekends: [try #require(CalendarDate("2027-02-03"))])
        let fields = Set(year.problems(forYear: 2028).map(\.field))
        #expect(fields == ["year", "notice", "sources", "holidays[0]", "workingWeekends[0]"])
    }
}
