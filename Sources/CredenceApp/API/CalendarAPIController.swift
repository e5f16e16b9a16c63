import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// `/api/v1/calendar`: the State Council's holiday calendar working days are counted by.
struct CalendarAPIController {
    let store: Store

    func addRoutes(to routes: Routes) {
        routes.get("calendar/working-days", .anyone, use: workingDays)
        routes.get("calendar/:year", .anyone, use: year)
        routes.on(.put, "calendar/:year", .signedIn([.admin]), use: putYear)
    }

    static func yearParameter(_ context: AppRequestContext) throws -> Int {
        let text = try context.parameters.require("year")
        guard let year = Int(text), (2000...2100).contains(year) else {
            throw APIError.badParameter("year", "year must be a year from 2000 to 2100; got '\(text.prefix(20))'.")
        }
        return year
    }

    @Sendable func year(_ request: Request, _ context: AppRequestContext) async throws -> CalendarYearDTO {
        let year = try Self.yearParameter(context)
        let calendar = try await store.calendars.calendar()
        return CalendarYearDTO(year: year, loaded: calendar.years[year])
    }

    @Sendable func putYear(_ request: Request, _ context: AppRequestContext) async throws -> CalendarYearDTO {
        let year = try Self.yearParameter(context)
        var request = request
        let bytes = try await request.collectBody(upTo: JSONObject.maxBytes)
        let value: HolidayCalendar.Year
        do {
            value = try StrictJSON.decode(HolidayCalendar.Year.self, from: Array(buffer: bytes))
        } catch {
            throw APIError(status: .unprocessableContent, code: "invalid_field",
                           message: "The body must be one year's arrangement: {\"year\", \"notice\", \"sources\": [text], \"holidays\": [{\"name\": {\"zh\", \"en\"}, \"from\", \"to\"}], \"workingWeekends\": [YYYY-MM-DD]} (\(error)).")
        }
        try await store.calendars.put(value, forYear: year, by: try context.requireActor().account)
        return CalendarYearDTO(year: year, loaded: value)
    }

    @Sendable func workingDays(_ request: Request, _ context: AppRequestContext) async throws -> WorkingDaysDTO {
        let query = QueryParameters(request)
        guard let text = try query.string("from") else { throw APIError.badParameter("from", "from is required: a date written YYYY-MM-DD.") }
        guard let from = CalendarDate(text), (2000...2100).contains(from.year) else {
            throw APIError.badParameter("from", "from must be a date written YYYY-MM-DD (2000–2100); got '\(text.prefix(20))'.")
        }
        guard let days = try query.int("days", in: 0...365) else { throw APIError.badParameter("days", "days is required: a whole number from 0 to 365.") }
        let result = try await store.calendars.calendar().adding(days, to: from)
        return WorkingDaysDTO(from: from.description, days: days, date: result.date.description, official: result.official)
    }
}

struct CalendarYearDTO: ResponseEncodable, Sendable {
    var year: Int
    var official: Bool
    var notice: String?
    var sources: [String]
    var holidays: [HolidayCalendar.Year.Holiday]
    var workingWeekends: [CalendarDate]

    init(year: Int, loaded: HolidayCalendar.Year?) {
        self.year = year
        official = loaded != nil
        notice = loaded?.notice
        sources = loaded?.sources ?? []
        holidays = loaded?.holidays ?? []
        workingWeekends = loaded?.workingWeekends ?? []
    }

    enum CodingKeys: String, CodingKey { case year, official, notice, sources, holidays, workingWeekends }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(official, forKey: .official)
        try c.encode(notice, forKey: .notice)
        try c.encode(sources, forKey: .sources)
        try c.encode(holidays, forKey: .holidays)
        try c.encode(workingWeekends, forKey: .workingWeekends)
    }
}

struct WorkingDaysDTO: ResponseEncodable, Sendable {
    var from: String
    var days: Int
    var date: String
    var official: Bool
}
