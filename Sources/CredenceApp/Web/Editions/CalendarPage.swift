import CredenceCore
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
