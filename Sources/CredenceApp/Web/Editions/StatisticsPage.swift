import CredenceCore
import Foundation
import Plot

/// `/admin/statistics`: what dynamic management tracks (notice, section 四) — requests,
/// outcomes, median time to a result and the unverifiable share, per entry, per issuing
/// body and per month; a chart drawn on the server as SVG, and the same figures as CSV.
struct StatisticsPage {
    var statistics: VerificationStatistics
    var catalog: Catalog
    var bodies: [IssuingBody]

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        let entryName = { (id: String) in (try? catalog.entry(id).name.text(in: lang)) ?? id }
        let bodyName = { (id: String) in bodies.first { $0.id == id }?.name.text(in: lang) ?? id }
        return Layout.page(page, title: page.t("跟踪统计", "Tracking figures"), content: .group(
            .h1(.text(page.t("跟踪统计", "Tracking figures"))),
            .p(.class("lead"), .text(page.t("通知第四部分要求跟踪《目录》内资格的发证情况、会员水平、从业能力。以下为查验申请的数据。",
                                            "Section 四 of the notice asks to track each qualification's issuance, membership level and practice ability; these are the verification figures."))),
            .h2(.text(page.t("每月申请数", "Requests per month"))),
            .raw(Self.barChart(statistics.byMonth.map { ($0.key, $0.requests) }, label: page.t("每月申请数", "Requests per month"))),
            table(page.t("按资格", "By qualification"), "entry", statistics.byEntry, name: entryName, page),
            table(page.t("按发证机构", "By issuing body"), "body", statistics.byIssuingBody, name: bodyName, page),
            table(page.t("按月份", "By month"), "month", statistics.byMonth, name: { $0 }, page)
        ))
    }

    private func table(_ title: String, _ by: String, _ rows: [VerificationStatistics.Row], name: @escaping (String) -> String,
                       _ page: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text(title), .text(" "), .a(.class("clause"), .href("/admin/statistics.csv?by=\(by)"), .text("CSV"))),
            .if(rows.isEmpty, .p(.class("meta"), .text(page.t("暂无数据。", "No data yet.")))),
            .if(!rows.isEmpty, .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(title)), .th(.text(page.t("申请", "Requests"))), .th(.text(page.t("真实", "Authentic"))),
                           .th(.text(page.t("不真实", "Not authentic"))), .th(.text(page.t("无法核实", "Unable"))),
                           .th(.text(page.t("无法核实占比", "Unable share"))), .th(.text(page.t("结果中位天数", "Median days to result"))),
                           .th(.text(page.t("评价（好差评）", "Ratings"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.text(name(row.key))), .td(.text(String(row.requests))), .td(.text(String(row.authentic))),
                        .td(.text(String(row.notAuthentic))), .td(.text(String(row.unableToVerify))),
                        .td(.text(row.unableShare.map { String(format: "%.0f%%", $0 * 100) } ?? "—")),
                        .td(.text(row.medianDaysToResult.map { String(format: "%.1f", $0) } ?? "—")),
                        .td(.text(row.averageRating.map { String(format: "%.2f (%d)", $0, row.ratings) } ?? "—")))
                })
            )))
        )
    }

    /// A plain bar chart: no script, no library, readable without colour.
    static func barChart(_ bars: [(String, Int)], label: String) -> String {
        guard !bars.isEmpty else { return "" }
        let width = 40, gap = 12, height = 160, top = 20, bottom = 30
        let maximum = max(1, bars.map(\.1).max() ?? 1)
        let (wide, high) = (bars.count * (width + gap) + gap, height + top + bottom)
        // The viewBox lets the stylesheet shrink a long chart (24 months) to the page's width.
        var svg = "<svg class=\"chart\" role=\"img\" aria-label=\"\(label.attributeEscaped)\" xmlns=\"http://www.w3.org/2000/svg\" "
            + "width=\"\(wide)\" height=\"\(high)\" viewBox=\"0 0 \(wide) \(high)\">"
        for (index, (key, value)) in bars.enumerated() {
            let h = Int(Double(value) / Double(maximum) * Double(height))
            let x = gap + index * (width + gap)
            svg += "<rect x=\"\(x)\" y=\"\(top + height - h)\" width=\"\(width)\" height=\"\(h)\" fill=\"#0b5cad\"></rect>"
            svg += "<text x=\"\(x + width / 2)\" y=\"\(top + height - h - 4)\" text-anchor=\"middle\" font-size=\"12\">\(value)</text>"
            svg += "<text x=\"\(x + width / 2)\" y=\"\(top + height + 18)\" text-anchor=\"middle\" font-size=\"11\">\(key.attributeEscaped)</text>"
        }
        return svg + "</svg>"
    }

    static func csv(_ rows: [VerificationStatistics.Row], keyName: String) -> String {
        var lines = ["\(keyName),requests,authentic,not_authentic,unable_to_verify,completed,unable_share,median_days_to_result,ratings,average_rating"]
        for row in rows {
            lines.append([CatalogCSV.quote(row.key), String(row.requests), String(row.authentic), String(row.notAuthentic),
                          String(row.unableToVerify), String(row.completed), row.unableShare.map { String(format: "%.4f", $0) } ?? "",
                          row.medianDaysToResult.map { String(format: "%.2f", $0) } ?? "", String(row.ratings),
                          row.averageRating.map { String(format: "%.2f", $0) } ?? ""].joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
