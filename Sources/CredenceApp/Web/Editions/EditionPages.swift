import CredenceCore
import Foundation
import Plot

/// `/admin/editions`: every edition, a new draft, an import.
struct EditionsAdminPage {
    var editions: [Edition]
    var counts: [String: Int]
    var error: BilingualText?

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        let admin = page.account?.role == .admin
        return Layout.page(page, title: page.t("目录版本管理", "Catalog editions"), content: .group(
            .h1(.text(page.t("目录版本管理", "Catalog editions"))),
            .p(.class("lead"), .text(page.t("依据通知第四部分，对《目录》实行动态管理：退出不符合要求的资格，纳入需要增加的资格，适时发布新版本。",
                                            "Section 四 of the notice: the catalog is managed dynamically — qualifications are retired or added and new editions issued."))),
            Banner.error(error, page),
            .forEach(editions.compactMap { edition in edition.review(today: .today()).map { (edition, $0) } }) { edition, review in
                .p(.class("settle"), .text(edition.title.text(in: lang) + page.t("：", ": ") + review.name.text(in: lang)))
            },
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(page.t("版本", "Edition"))), .th(.text(page.t("状态", "Status"))), .th(.text(page.t("生效日期", "Effective"))),
                           .th(.text(page.t("资格数", "Entries"))), .th(.text(page.t("导出", "Export"))))),
                .tbody(.forEach(editions) { edition in
                    .tr(.td(.a(.href("/admin/editions/" + edition.id.queryEncoded), .text(edition.title.text(in: lang))), .span(.class("sub"), .code(.text(edition.id)))),
                        .td(.text(edition.status.name.text(in: lang))), .td(.text(edition.effectiveOn?.description ?? "—")),
                        .td(.text(String(counts[edition.id] ?? 0))),
                        .td(.a(.href("/api/v1/editions/\(edition.id.queryEncoded)/export?format=json"), .text("JSON")), .text(" · "),
                            .a(.href("/api/v1/editions/\(edition.id.queryEncoded)/export?format=csv"), .text("CSV")), .text(" · "),
                            .a(.href("/api/v1/editions/\(edition.id.queryEncoded)/export?format=xlsx"), .text("Excel"))))
                })
            )),
            .if(admin, .group(
            .h2(.text(page.t("新建草稿", "Start a draft"))),
            .form(
                .class("account-form"), .action("/admin/editions"), .method(.post), Layout.csrfField(page),
                TextField(name: "id", label: BilingualText(zh: "版本编号", en: "Edition id"), hint: BilingualText(zh: "例如 tianjin-2024", en: "e.g. tianjin-2024")).render(page),
                TextField(name: "title.zh", label: BilingualText(zh: "标题（中文）", en: "Title (Chinese)")).render(page),
                TextField(name: "title.en", label: BilingualText(zh: "标题（英文）", en: "Title (English)")).render(page),
                .div(.class("question"),
                     .label(.for("basedOn"), .text(page.t("基于", "Based on"))),
                     .select(.id("basedOn"), .attribute(named: "name", value: "basedOn"),
                             .choice(value: "", label: page.t("空白", "Empty")),
                             .forEach(editions.filter { $0.status != .draft }) { .choice(value: $0.id, label: $0.id, selected: $0.status == .inForce) })),
                .button(.type(.submit), .text(page.t("新建草稿", "Start the draft")))
            ),
            .h2(.text(page.t("导入文件为新草稿", "Import a file as a new draft"))),
            .p(.class("note"), .text(page.t("JSON（与导出格式相同），或按 CSV 导出列排列的 CSV（UTF-8 或 GB18030 编码）或 Excel 工作簿（.xlsx，读取第一个工作表）；任何一行有误则全部不导入，并按 Excel 的行号列出每个错误。",
                                            "JSON (as exported), or the CSV export's columns as CSV (UTF-8 or GB18030) or an Excel workbook (.xlsx, its first sheet); if any row is wrong nothing is imported and every problem is listed by Excel's row number."))),
            .form(
                .class("account-form"), .action("/admin/editions/import"), .method(.post), .attribute(named: "enctype", value: "multipart/form-data"),
                Layout.csrfField(page),
                .div(.class("question"), .label(.for("f-file"), .text(page.t("文件", "File"))), .input(.type(.file), .id("f-file"), .name("file"))),
                TextField(name: "id", label: BilingualText(zh: "CSV/Excel：新版本编号", en: "CSV/Excel: new edition id")).render(page),
                TextField(name: "title.zh", label: BilingualText(zh: "CSV/Excel：标题（中文）", en: "CSV/Excel: title (Chinese)")).render(page),
                TextField(name: "title.en", label: BilingualText(zh: "CSV/Excel：标题（英文）", en: "CSV/Excel: title (English)")).render(page),
                .button(.type(.submit), .text(page.t("导入", "Import")))
            )
            ))
        ))
    }
}

/// `/admin/editions/{id}`: a draft to edit and publish, or a published edition to read.
struct EditionAdminPage {
    var edition: Edition
    var entries: [Entry]
    var retirements: [Retirement]
    var departments: [Department] = []
    /// An accepted proposal the "add" form starts from (its name, body and region as proposed).
    var proposal: Proposal?
    var done: BilingualText?
    var error: BilingualText?

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        let base = "/admin/editions/" + edition.id.queryEncoded
        // Reviewers read drafts and answer for their department; only administrators change them.
        let isDraft = edition.status == .draft && page.account?.role == .admin
        return Layout.page(page, title: edition.title.text(in: lang), content: .group(
            .p(.class("crumbs"), .a(.href("/admin/editions"), .text(page.t("目录版本管理", "Catalog editions")))),
            .h1(.text(edition.title.text(in: lang))),
            .p(.class("meta"), .text("\(edition.id) · \(edition.status.name.text(in: lang))"),
               .unwrap(edition.supersedes) { old in .group(.text(" · "), .a(.href("/editions/\(old.queryEncoded)/diff/\(edition.id.queryEncoded)"),
                                                                           .text(page.t("与 \(old) 比较", "Compare with \(old)")))) }),
            Banner.done(done, page),
            Banner.error(error, page),
            .unwrap(edition.review(today: .today())) { .p(.class("settle"), .text($0.name.text(in: lang))) },
            .unwrap(edition.noticeRef) { .p(.class("meta"), .text(page.t("通知文号：", "Notice reference: ") + $0)) },
            SignOffParts.section(edition, departments: departments, viewer: page.account, page),
            .if(!isDraft && edition.status != .draft, .p(.class("note"), .text(page.t("已发布的版本不能修改；如需调整，请基于它新建草稿。",
                                                          "Published editions never change; start a new draft from this one to adjust it.")))),
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(page.t("序号", "No."))), .th(.text(page.t("资格", "Qualification"))), .if(isDraft, .th(.text(page.t("操作", "Actions")))))),
                .tbody(.forEach(entries) { entry in
                    .tr(.td(.text(String(entry.seq))),
                        .td(.text(entry.name.text(in: lang)), .span(.class("sub"), .code(.text(entry.id)))),
                        .if(isDraft, .td(
                            .a(.href("\(base)/entries/\(entry.id.queryEncoded)"), .text(page.t("修改", "Change"))),
                            .form(.class("inline"), .action("\(base)/entries/\(entry.id.queryEncoded)/retire"), .method(.post), Layout.csrfField(page),
                                  .select(.attribute(named: "name", value: "reason"), .attribute(named: "aria-label", value: page.t("退出理由", "Reason")),
                                          .forEach(RetirementReason.allCases) { .choice(value: $0.rawValue, label: $0.name.text(in: lang)) }),
                                  .input(.type(.text), .name("note"), .placeholder(page.t("说明", "Note")), .attribute(named: "aria-label", value: page.t("说明", "Note"))),
                                  .button(.type(.submit), .class("secondary"), .text(page.t("退出", "Retire"))))
                        )))
                })
            )),
            .if(!retirements.isEmpty, .group(
                .h2(.text(page.t("本版本退出的资格", "Retired in this edition"))),
                .ul(.forEach(retirements) { retirement in
                    .li(.text("\(retirement.entry.name.text(in: lang)) — \(retirement.reason.name.text(in: lang))\(retirement.note.map { ": " + $0 } ?? "")"))
                })
            )),
            .if(isDraft, .group(
                .h2(.id("add-entry"), .text(page.t("增加资格", "Add a qualification"))),
                .unwrap(proposal) { .p(.class("note"), .text(page.t("根据公众建议预填：", "Pre-filled from a proposal: ") + $0.draft.why)) },
                EntryForm.render(proposal.map { proposed in
                    Entry(id: "", edition: edition.id, seq: 0, name: BilingualText(zh: proposed.draft.name, en: proposed.draft.name),
                          region: BilingualText(zh: proposed.draft.region, en: proposed.draft.region),
                          issuer: BilingualText(zh: proposed.draft.issuer, en: proposed.draft.issuer), fields: [], remarks: BilingualText(zh: "", en: ""))
                }, action: "\(base)/entries", button: page.t("增加", "Add"), page),
                .h2(.text(page.t("发布", "Publish"))),
                .form(
                    .class("account-form"), .action("\(base)/publish"), .method(.post), Layout.csrfField(page),
                    TextField(name: "noticeRef", label: BilingualText(zh: "通知文号", en: "Notice reference")).render(page),
                    TextField(name: "issuedOn", label: BilingualText(zh: "发布日期（YYYY-MM-DD）", en: "Issued on (YYYY-MM-DD)")).render(page, value: CalendarDate.today().description),
                    TextField(name: "effectiveOn", label: BilingualText(zh: "生效日期（YYYY-MM-DD，可晚于今天）", en: "Effective on (YYYY-MM-DD; may be later)"))
                        .render(page, value: CalendarDate.today().description),
                    .button(.type(.submit), .text(page.t("发布", "Publish")))
                )
            ))
        ))
    }
}

/// `/admin/editions/{id}/entries/{entry}`: change one entry of a draft.
struct EntryEditPage {
    var edition: Edition
    var entry: Entry
    var error: BilingualText?

    func render(_ page: PageContext) -> HTML {
        let base = "/admin/editions/" + edition.id.queryEncoded
        return Layout.page(page, title: entry.name.text(in: page.language), content: .group(
            .p(.class("crumbs"), .a(.href(base), .text(edition.title.text(in: page.language)))),
            .h1(.text(entry.name.text(in: page.language))),
            Banner.error(error, page),
            EntryForm.render(entry, action: "\(base)/entries/\(entry.id.queryEncoded)", button: page.t("保存", "Save"), page)
        ))
    }
}

/// `/editions/{a}/diff/{b}`: how the catalog changed, for everyone.
struct DiffPage {
    var diff: EditionDiff

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        return Layout.page(page, title: page.t("版本变化", "What changed"), content: .group(
            .h1(.text(page.t("\(diff.from) → \(diff.to) 的变化", "What changed from \(diff.from) to \(diff.to)"))),
            .p(.class("count"), .text(page.t("新增 \(diff.added.count) 项，退出 \(diff.retired.count) 项，修改 \(diff.changed.count) 项。",
                                             "\(diff.added.count) added, \(diff.retired.count) retired, \(diff.changed.count) changed."))),
            .h2(.text(page.t("新增", "Added"))),
            .ul(.forEach(diff.added) { .li(.a(.href(SiteURL.entry($0.id).path), .text($0.name.text(in: lang)))) }),
            .h2(.text(page.t("退出", "Retired"))),
            .ul(.forEach(diff.retired) { retired in
                .li(.text(retired.entry.name.text(in: lang) + " — " + (retired.reason?.name.text(in: lang) ?? page.t("未记录理由", "no reason recorded"))
                          + (retired.note.map { "：" + $0 } ?? "")),
                    .text(" "), .a(.href("/entries/\(retired.entry.id.queryEncoded)/history"), .text(page.t("历史", "history"))))
            }),
            .h2(.text(page.t("修改", "Changed"))),
            .forEach(diff.changed) { changed in
                .group(.h3(.a(.href("/entries/\(changed.id.queryEncoded)/history"), .text(changed.id))),
                       .div(.class("table-wrap"), .table(
                        .thead(.tr(.th(.text(page.t("字段", "Field"))), .th(.text(page.t("原来", "Before"))), .th(.text(page.t("现在", "After"))))),
                        .tbody(.forEach(changed.changes) { change in
                            .tr(.td(.code(.text(change.field))), .td(.text(Self.show(change.from))), .td(.text(Self.show(change.to))))
                        }))))
            }
        ))
    }

    static func show(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .null: "—"
        default: String(decoding: (try? CanonicalJSON.data(value)) ?? Data(), as: UTF8.self)
        }
    }
}

/// `/entries/{id}/history`: one qualification across editions.
struct HistoryPage {
    var id: String
    var lines: [EntryHistoryLine]

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        let name = lines.last { $0.entry != nil }?.entry?.name.text(in: lang) ?? lines.first?.retirement?.entry.name.text(in: lang) ?? id
        return Layout.page(page, title: name, content: .group(
            .h1(.text(page.t("历次版本中的“\(name)”", "\(name) across editions"))),
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(page.t("版本", "Edition"))), .th(.text(page.t("状态", "Status"))), .th(.text(page.t("在本版本中", "In this edition"))))),
                .tbody(.forEach(lines) { line in
                    .tr(.td(.text(line.edition.title.text(in: lang))), .td(.text(line.edition.status.name.text(in: lang))),
                        .td(.text(line.entry.map { page.t("第\($0.seq)项", "No. \($0.seq)") }
                                  ?? line.retirement.map { page.t("退出：", "Retired: ") + $0.reason.name.text(in: lang) + ($0.note.map { " — " + $0 } ?? "") } ?? "—")))
                })
            ))
        ))
    }
}
