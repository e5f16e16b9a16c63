import CredenceCore
import Foundation
import Plot

/// Many holders at once: the upload beside the single form on `/requests/new`, and a
/// batch's own page.
enum BatchParts {
    static func upload(_ page: PageContext, problems refusal: BatchCSV.Refused) -> Node<HTML.BodyContext> {
        let problems = refusal.rows
        let more = refusal.total - problems.count
        return .section(
            .id("batch"),
            .h2(.text(page.t("一次提交多位持证人（Excel 或 CSV 文件）", "Many holders at once (an Excel or CSV file)"))),
            .p(.text(page.t("下载模板，每行填写一位持证人（最多 \(BatchCSV.maxRows) 行、2 MiB），再上传。可直接上传 Excel 工作簿（.xlsx，读取第一个工作表），或 Excel 另存的 CSV（UTF-8 或中文 Windows 默认的 GB18030 编码均可）；旧版 .xls 请先另存为 .xlsx。任何一行有误，整个文件都不会提交，并按 Excel 的行号和列名列出每一处问题。",
                            "Download the template, fill one holder per row (at most \(BatchCSV.maxRows) rows and 2 MiB), then upload it. An Excel workbook (.xlsx, its first sheet) works as it is, and so does a CSV saved by Excel (UTF-8, or GB18030 as Chinese Windows saves it); save an old .xls as .xlsx first. If any row is wrong nothing is submitted, and every problem is listed by Excel's row number and the column's header."))),
            .p(.text(page.t("模板：", "Templates: ")),
               .a(.href("/api/v1/verification-batches/template?lang=zh&format=xlsx"), .text("Excel（中文表头）")), .text(" · "),
               .a(.href("/api/v1/verification-batches/template?lang=en&format=xlsx"), .text("Excel (English headers)")), .text(" · "),
               .a(.href("/api/v1/verification-batches/template?lang=zh"), .text("CSV（中文表头）")), .text(" · "),
               .a(.href("/api/v1/verification-batches/template?lang=en"), .text("CSV (English headers)"))),
            .details(.summary(.text(page.t("国籍一栏填两位字母代码（ISO 3166-1），例如英国填 GB：全部代码", "The nationality column takes a two-letter code (ISO 3166-1), e.g. GB for the United Kingdom: every code"))),
                     .p(.class("meta"), .text(CountryNames.sorted(page.language).map { "\($0.name) \($0.code)" }.joined(separator: " · ")))),
            .if(!problems.isEmpty, .div(
                .class("error-summary"), .attribute(named: "role", value: "alert"),
                .h3(.text(problems.allSatisfy { $0.row == 0 }
                    ? page.t("未根据此文件创建任何申请：", "Nothing was created from this file:")
                    : page.t("文件中有 \(refusal.total) 处问题，未创建任何申请：", "\(refusal.total) problem(s) in the file; nothing was created:"))),
                .ul(.forEach(problems) { problem in
                    // Row 0: the file as a whole (not a spreadsheet at all).
                    .li(.text(problem.row == 0 ? problem.why
                              : page.t("第 \(problem.row) 行", "Row \(problem.row)") + (problem.field.map { " · \($0)" } ?? "") + page.t("：", ": ") + problem.why))
                }),
                .if(more > 0, .p(.text(page.t("以上是前 \(problems.count) 处，另有 \(more) 处未列出。", "The first \(problems.count) are listed; \(more) more are not."))))
            )),
            .form(
                .class("action-form"), .action("/requests/batch"), .method(.post),
                .attribute(named: "enctype", value: "multipart/form-data"), Layout.csrfField(page),
                .div(.class("question"),
                     .label(.for("f-batch"), .text(page.t("Excel 或 CSV 文件", "Excel or CSV file"))),
                     .input(.type(.file), .id("f-batch"), .name("file"),
                            .attribute(named: "accept", value: ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
                .button(.type(.submit), .text(page.t("上传并提交", "Upload and submit")))
            )
        )
    }

    static func list(_ batches: [(id: UUID, createdAt: Date, count: Int)], _ page: PageContext) -> Node<HTML.BodyContext> {
        .if(!batches.isEmpty, .group(
            .h2(.text(page.t("批量申请", "Batches"))),
            .ul(.forEach(batches) { batch in
                .li(.a(.href("/batches/\(batch.id.uuidString.lowercased())"),
                       .text(LocalTime.text(batch.createdAt, page.language) + " · " + page.t("\(batch.count) 位持证人", "\(batch.count) holders"))))
            })
        ))
    }
}

/// `/batches/{id}`: how a batch is getting on, and its results as a spreadsheet.
struct BatchPage {
    var batch: VerificationBatch
    var catalog: Catalog

    func render(_ page: PageContext) -> HTML {
        let id = batch.id.uuidString.lowercased()
        return Layout.page(page, title: page.t("批量申请", "Batch"), content: .group(
            .h1(.text(page.t("批量申请", "Batch") + " · "), LocalTime.node(batch.createdAt, page)),
            .p(.text(page.t("共 \(batch.count) 位持证人。", "\(batch.count) holders in all."))),
            .table(
                .class("counts"),
                .tr(.th(.text(page.t("状态", "Status"))), .th(.text(page.t("数量", "Count")))),
                .forEach(VerificationStatus.allCases) { status in
                    .tr(.td(VerificationParts.status(status, page)), .td(.text(String(batch.byStatus[status] ?? 0))))
                }
            ),
            .p(.a(.class("button"), .href("/batches/\(id)/export?lang=\(page.language.rawValue)"),
                  .text(page.t("导出结果（CSV，可用 Excel 打开）", "Export the results (CSV, opens in Excel)")))),
            VerificationParts.table(batch.requests, catalog: catalog, staff: false, page)
        ))
    }
}

/// On the dashboard: editions in force that retired or changed entries of completed requests.
enum CatalogAlertParts {
    static func list(_ alerts: [CatalogAlert], catalog: Catalog, _ page: PageContext) -> Node<HTML.BodyContext> {
        .if(!alerts.isEmpty, .div(
            .class("settle"), .id("catalog-alerts"),
            .h2(.text(page.t("目录变更涉及您的结果", "Catalog changes affecting your results"))),
            .ul(.forEach(alerts) { alert in
                .li(LocalTime.node(alert.at, page), .text(" · " + describe(alert, catalog: catalog, page) + " · "),
                    .forEach(alert.requests) { id in .a(.href(SiteURL.request(id).path), .text(String(id.uuidString.lowercased().prefix(8)) + " ")) })
            })
        ))
    }

    static func describe(_ alert: CatalogAlert, catalog: Catalog, _ page: PageContext) -> String {
        let name = (try? catalog.entry(alert.entryId, edition: alert.toEdition).name.text(in: page.language)) ?? alert.entryId
        if alert.event == "entry.retired" {
            return page.t("“\(name)”已被新版目录（\(alert.toEdition)）移出", "\(name) was retired by the edition \(alert.toEdition)")
                + (alert.reason.map { page.t("：", ": ") + $0.name.text(in: page.language) } ?? "")
        }
        return page.t("“\(name)”在新版目录（\(alert.toEdition)）中有修改：", "\(name) changed in the edition \(alert.toEdition): ")
            + alert.fields.joined(separator: ", ")
    }
}
