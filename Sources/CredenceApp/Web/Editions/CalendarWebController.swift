import CredenceCore
import CredenceStore
import Foundation
import Hummingbird
import Plot

/// `/admin/calendar`: the holiday calendar an administrator sees and loads.
struct CalendarWebController {
    let store: Store

    func addRoutes(to routes: Routes) {
        routes.get("admin/calendar", .signedIn([.admin]), use: show)
        routes.post("admin/calendar", .signedIn([.admin]), use: load)
    }

    @Sendable func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        Response.html(CalendarPage(calendar: try await store.calendars.calendar()).render(PageContext(request, context)))
    }

    @Sendable func load(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        var page = CalendarPage(calendar: HolidayCalendar(years: []), pasted: form["document"])
        var status: HTTPResponse.Status = .ok
        do {
            let year = try StrictJSON.decode(HolidayCalendar.Year.self, from: Array(form["document"].utf8))
            try await store.calendars.put(year, forYear: year.year, by: try context.requireActor().account)
            page.done = BilingualText(zh: "已载入 \(year.year) 年。", en: "\(year.year) loaded.")
            page.pasted = ""
        } catch VerificationError.invalid(let problems) {
            page.error = VerificationError.invalid(problems).message
            status = .unprocessableContent
        } catch is DecodingError {
            page.error = BilingualText(zh: "不是有效的该年安排 JSON。", en: "This is not a year's arrangement in JSON.")
            status = .unprocessableContent
        } catch is StrictJSON.ParseError {
            page.error = BilingualText(zh: "不是有效的 JSON。", en: "This is not valid JSON.")
            status = .unprocessableContent
        }
        page.calendar = try await store.calendars.calendar()
        return Response.html(page.render(PageContext(request, context)), status: status)
    }
}
