import CredenceCore
import CredenceStore
import Foundation
import Hummingbird
import Plot

/// `/admin/calendar`: the holiday calendar years loaded, and a form to load a new year when
/// the State Council publishes it (the same JSON as `PUT /api/v1/calendar/{year}`).
struct CalendarPage {
    var calendar: HolidayCalendar
    var error: BilingualText?
    var done: BilingualText?
    var pasted = ""

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("节假日安排", "Holiday calendar"), content: .group(
            .h1(.text(page.t("国务院办公厅节假日安排", "The State Council's holiday calendar"))),
            .p(.text(page.t("工作日按下列安排计算；未载入的年份按周一至周五计算。", "Working days are counted by these arrangements; a year not loaded is counted Monday to Friday."))),
            Banner.done(done, page),
            Banner.error(error, page),
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(page.t("年份", "Year"))), .th(.text(page.t("通知", "Notice"))), .th(.text(page.t("假期", "Holidays"))),
                           .th(.text(page.t("调休上班", "Working weekends"))), .th(.text(page.t("来源", "Sources"))))),
                .tbody(.forEach(calendar.years.values.sorted { $0.year < $1.year }) { year in
                    .tr(.td(.text(String(year.year))), .td(.text(year.notice)),
                        .td(.text(year.holidays.map { "\($0.name.text(in: page.language)) \($0.from)–\($0.to)" }.joined(separator: "; "))),
                        .td(.text(year.workingWeekends.map(\.description).joined(separator: ", "))),
                        .td(.text(year.sources.joined(separator: "; "))))
                })
            )),
            .h2(.text(page.t("载入新的一年", "Load a year"))),
            .form(
                .class("account-form"), .action("/admin/calendar"), .method(.post), Layout.csrfField(page),
                .div(.class("question"), .label(.for("c-json"), .text(page.t("该年安排（JSON，与 PUT /api/v1/calendar/{year} 相同）",
                                                                               "The year's arrangement (JSON, as PUT /api/v1/calendar/{year} takes it)"))),
                     .textarea(.id("c-json"), .name("document"), .attribute(named: "rows", value: "10"), .text(pasted))),
                .button(.type(.submit), .text(page.t("载入", "Load")))
            )
        ))
    }
}

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
