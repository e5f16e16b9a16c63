@testable import CredenceCore
import Foundation
import Testing

/// Issue 42's rules in the core: the CSV reader's limits hold while it reads, a refusal's
/// echo is short, codes are read as people type them, demand counts networks under a key
/// of the week, the notice's leading departments stay required, and a holder's no is final.
@Suite struct BoundedReadersTests {
    let limits = SheetLimits(rows: 3, columns: 4, cellBytes: 10)

    func refusal(_ text: String) -> SheetTooLarge.Limit? {
        do {
            _ = try Sheet.csv(text, limits: limits)
            return nil
        } catch let error as SheetTooLarge {
            return error.limit
        } catch {
            return nil
        }
    }

    @Test func theCSVReaderStopsAtEachLimit() throws {
        #expect(refusal("a,b,c,d,e\r\n") == .columns(4, atRow: 1, column: 4))
        #expect(refusal("a,b,c,d" + String(repeating: ",", count: 2_000_000) + "\r\n") == .columns(4, atRow: 1, column: SheetLimits.paddedColumns))
        #expect(refusal("a\r\n1\r\n2\r\n\r\n3\r\n4\r\n5\r\n") == .rows(3, atRow: 6), "blank rows do not count, and keep their numbers")
        #expect(refusal("a,\"0123456789x\"\r\n") == .cellBytes(10, atRow: 1, column: 1))
        // Spreadsheets pad rows with empty cells: skipped, not refused.
        let padded = try Sheet.csv("\u{FEFF}a,b,,,,,,\r\n1,\"x\r\ny\",,,,\r\n", limits: limits)
        #expect(padded.rows == [Sheet.Row(number: 1, cells: ["a", "b", "", ""]), Sheet.Row(number: 2, cells: ["1", "x\r\ny", "", ""])])
        #expect(throws: CatalogCSV.RowErrors.self) { try Sheet.csv("a,\"open\r\n", limits: limits) }
        #expect(ColumnName.of(0) == "A" && ColumnName.of(25) == "Z" && ColumnName.of(26) == "AA" && ColumnName.of(16_383) == "XFD")
    }

    @Test func anEchoIsCutAndRowErrorsAreCounted() {
        #expect(Echo.quoted("GB") == "'GB'")
        #expect(Echo.quoted(String(repeating: "Z", count: 1_000_000)) == "'" + String(repeating: "Z", count: 40) + "…'")
        let errors = CatalogCSV.RowErrors(rows: (1...120).map { CatalogCSV.RowError(row: $0, field: nil, why: "x") })
        #expect(errors.rows.count == 50 && errors.total == 120)
    }

    @Test(arguments: ["TJ-CXB4J-N47CZ", " TJ-CXB4J-N47CZ ", "tj-cxb4j-n47cz", "TJCXB4JN47CZ", "TJ CXB4J N47CZ", "TJ--CXB4J--N47CZ",
                      "ＴＪ－ＣＸＢ４Ｊ－Ｎ４７ＣＺ", "TJ–CXB4J—N47CZ"])
    func aCodeIsReadAsTyped(_ typed: String) {
        #expect(VerificationCode.parse(typed) == "TJ-CXB4J-N47CZ")
    }

    @Test(arguments: ["", "TJ-CXB4J-N47C", "TJ-CXB4J-N47CZZ", "XX-CXB4J-N47CZ", "TJ-CXB4J-N47C0", "TJ-CXB4J-N47Cé", String(repeating: "T", count: 10_000)])
    func whatCannotBeACodeIsNone(_ typed: String) {
        #expect(VerificationCode.parse(typed) == nil)
    }

    @Test func demandCountsNetworksUnderAKeyOfTheWeek() {
        #expect(NetworkPrefix.of("198.51.100.7") == "198.51.100.0/24")
        #expect(NetworkPrefix.of("198.51.100.200") == NetworkPrefix.of("198.51.100.7"))
        #expect(NetworkPrefix.of("::ffff:198.51.100.7") == "198.51.100.0/24")
        #expect(NetworkPrefix.of("2001:db8:0:ab12:1:2:3:4") == "2001:db8:0:ab00::/56")
        #expect(NetworkPrefix.of("not an address") == nil && NetworkPrefix.of("") == nil)
        let (monday, next) = (WeekTagKey.make(), WeekTagKey.make())
        #expect(monday.tag("198.51.100.0/24") == monday.tag("198.51.100.0/24"))
        #expect(monday.tag("198.51.100.0/24") != next.tag("198.51.100.0/24"), "a new week's key: yesterday's tags lead nowhere")
    }

    @Test func theNoticesLeadingDepartmentsStayRequired() throws {
        let departments = Department.noticeIssuers
        let hrss = try #require(departments.first { $0.id == "hrss" })
        #expect(throws: SignOffRefusal.leadingDepartment(hrss)) { try hrss.changing(part: .consulted) }
        var stored = hrss
        stored.part = .consulted  // as an older database may hold it
        #expect(SignOff(requestedAt: "", requestedBy: "").pending(of: [stored]).map(\.id) == ["hrss"])
        let science = try #require(departments.first { $0.id == "science" })
        let required = try science.changing(part: .required)
        #expect(Department.effect(of: science, required, awaiting: ["2025"])?.en.contains("now also wait for") == true)
        #expect(Department.effect(of: required, science, awaiting: ["2025"])?.en.contains("no longer need") == true)
        #expect(Department.effect(of: science, required, awaiting: []) == nil)
    }

    @Test func aHoldersNoIsFinal() {
        #expect(throws: HolderRefusal.holderSaidNo) { try HolderRefusal.checkInvitation(status: .withdrawn, withdrawal: .holderDeclined) }
        #expect(throws: HolderRefusal.holderSaidNo) { try HolderRefusal.checkInvitation(status: .withdrawn, withdrawal: .holderWithdrewConsent) }
        #expect(throws: HolderRefusal.tooLate) { try HolderRefusal.checkInvitation(status: .completed, withdrawal: nil) }
        #expect(throws: Never.self) { try HolderRefusal.checkInvitation(status: .submitted, withdrawal: nil) }
    }
}

/// `addingDays` in constant time gives the days the day-by-day walk gave.
@Suite struct CalendarArithmeticTests {
    func walked(_ date: CalendarDate, _ days: Int) -> CalendarDate {
        var (y, m, d) = (date.year, date.month, date.day)
        func length(_ m: Int, _ y: Int) -> Int { m == 2 ? ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28) : [4, 6, 9, 11].contains(m) ? 30 : 31 }
        for _ in 0..<abs(days) {
            if days > 0 {
                d += 1
                if d > length(m, y) { d = 1; m += 1; if m > 12 { m = 1; y += 1 } }
            } else {
                d -= 1
                if d < 1 { m -= 1; if m < 1 { m = 12; y -= 1 }; d = length(m, y) }
            }
        }
        return CalendarDate(year: y, month: m, day: d) ?? date
    }

    @Test func addingDaysAgreesWithWalking() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let start = try #require(CalendarDate(year: Int.random(in: 1700...2300, using: &generator), month: Int.random(in: 1...12, using: &generator),
                                                  day: Int.random(in: 1...28, using: &generator)))
            let days = Int.random(in: -60_000...60_000, using: &generator)
            #expect(start.addingDays(days) == walked(start, days), "\(start) + \(days)")
        }
        let epoch = try #require(CalendarDate("1970-01-01"))
        #expect(epoch.daysSinceEpoch == 0 && CalendarDate("2000-03-01")?.daysSinceEpoch == 11_017)
        #expect(CalendarDate("9999-12-31")?.addingDays(1) == CalendarDate("9999-12-31"), "past year 9999: the day itself")
        #expect(epoch.addingDays(.max) == epoch && epoch.addingDays(.min) == epoch)
        #expect(CalendarDate("2024-02-28")?.addingDays(1) == CalendarDate("2024-02-29") && CalendarDate("1900-02-28")?.addingDays(1) == CalendarDate("1900-03-01"))
    }
}
