import CredenceCore
import Foundation
import Hummingbird
import Plot

/// `/service-standards`: 办理时限 published — for each issuing body, the stated typical
/// working days beside the measured median, the share done by the estimate, the share
/// that could not be verified, and the employers' average rating; a chart drawn here as SVG.
struct ServiceStandardsPage {
    var standards: ServiceStandards

    func render(_ page: PageContext) -> HTML {
        Layout.page(page, title: page.t("服务标准与办理时限", "Service standards"), content: .group(
            .h1(.text(page.t("服务标准与办理时限", "Service standards and time limits"))),
            .p(.text(page.t("统计期间：\(standards.from) 至 \(standards.to)（近365天）。工作日按国务院办公厅节假日安排计算，自受理之日起至出具结果之日。",
                            "Period: \(standards.from) to \(standards.to) (the last 365 days). Working days by the State Council's holiday calendar, from the day a request was accepted to the day of its result."))),
            .div(.class("settle"), .p(
                .text(page.t("全部：完成 \(standards.overall.completed) 件", "Overall: \(standards.overall.completed) completed")),
                .text(" · " + page.t("工作日中位数 ", "median working days ") + Self.number(standards.overall.medianWorkingDays)),
                .text(" · " + page.t("按期完成 ", "by the estimate ") + Self.percent(standards.overall.shareByEstimate)),
                .text(" · " + page.t("无法核实 ", "unable to verify ") + Self.percent(standards.overall.shareUnableToVerify)),
                .text(" · " + page.t("平均评价 ", "average rating ") + Self.rating(standards.overall)),
                .text(" · " + page.t("申请复核 ", "reviews asked ") + String(standards.overall.reviewsAsked)
                      + page.t("，变更结果 ", ", results changed ") + String(standards.overall.reviewsChanged)))),
            .h2(.text(page.t("各发证机构：承诺与实际", "By issuing body: stated and measured"))),
            .raw(chart(page)),
            .div(.class("table-wrap"), .table(
                .caption(.text(page.t("图中数据", "The chart's figures"))),
                .thead(.tr(.th(.text(page.t("发证机构", "Issuing body"))), .th(.text(page.t("完成件数", "Completed"))),
                           .th(.text(page.t("通常工作日（渠道）", "Stated typical days"))), .th(.text(page.t("实际中位数", "Measured median"))),
                           .th(.text(page.t("按期完成", "By the estimate"))), .th(.text(page.t("无法核实", "Unable to verify"))),
                           .th(.text(page.t("平均评价", "Average rating"))), .th(.text(page.t("复核（变更）", "Reviews (changed)"))))),
                .tbody(.forEach(standards.issuingBodies) { body in
                    .tr(.td(.text(body.name.text(in: page.language))), .td(.text(String(body.completed))),
                        .td(.text(body.statedTypicalDays.map(String.init) ?? "—")), .td(.text(Self.number(body.medianWorkingDays))),
                        .td(.text(Self.percent(body.shareByEstimate))), .td(.text(Self.percent(body.shareUnableToVerify))),
                        .td(.text(Self.rating(body))), .td(.text("\(body.reviewsAsked) (\(body.reviewsChanged))")))
                })
            )),
            .p(.class("meta"), .text(page.t("同样的数据：", "The same figures: ")), .a(.href("/api/v1/service-standards"), .text("/api/v1/service-standards")))
        ))
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func percent(_ share: Double?) -> String { share.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }

    static func rating(_ figures: ServiceStandards.Figures) -> String {
        figures.averageRating.map { String(format: "%.2f / 5 (%d)", $0, figures.ratings) } ?? "—"
    }

    /// Horizontal bars: the measured median per body, with a mark at the stated typical
    /// days. Text in the SVG is escaped; the table below carries the same figures.
    func chart(_ page: PageContext) -> String {
        let rows = standards.issuingBodies
        let scale = max(1, rows.map { max(Double($0.statedTypicalDays ?? 0), $0.medianWorkingDays ?? 0) }.max() ?? 1)
        let label = 300.0, plot = 420.0, rowHeight = 26.0, top = 30.0
        let height = top + rowHeight * Double(rows.count) + 30
        func x(_ days: Double) -> Double { label + plot * days / scale }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(Int(label + plot + 60)) \(Int(height))" role="img" \
            aria-labelledby="chart-title"><title id="chart-title">\(page.t("各发证机构实际工作日中位数（蓝色条）与渠道承诺的通常工作日（黑色竖线）",
                "Measured median working days per issuing body (blue bars) and the channel's stated typical days (black marks)").attributeEscaped)</title>
            <text x="\(Int(label))" y="18" font-size="12">\(page.t("工作日", "working days").attributeEscaped) (0–\(Self.number(scale)))</text>
            """
        for (index, body) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            svg += "<text x=\"\(Int(label - 8))\" y=\"\(Int(y + 17))\" font-size=\"12\" text-anchor=\"end\">\(String(body.name.text(in: page.language).prefix(28)).attributeEscaped)</text>"
            if let median = body.medianWorkingDays {
                svg += "<rect x=\"\(Int(label))\" y=\"\(Int(y + 5))\" width=\"\(String(format: "%.1f", max(1, x(median) - label)))\" height=\"16\" fill=\"#1f5fa8\"/>"
                svg += "<text x=\"\(String(format: "%.1f", x(median) + 4))\" y=\"\(Int(y + 17))\" font-size=\"11\">\(Self.number(median))</text>"
            }
            if let stated = body.statedTypicalDays {
                svg += "<line x1=\"\(String(format: "%.1f", x(Double(stated))))\" x2=\"\(String(format: "%.1f", x(Double(stated))))\" y1=\"\(Int(y + 2))\" y2=\"\(Int(y + 24))\" stroke=\"#111\" stroke-width=\"2\"/>"
            }
        }
        return svg + "</svg>"
    }
}
