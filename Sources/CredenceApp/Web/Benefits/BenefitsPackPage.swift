import CredenceCore
import Plot

/// `/benefits/pack`: a benefits answer to print and take to the offices — the held
/// qualifications as the catalog prints them, each benefit that applies or is conditional
/// with its clause and where to apply, and (with `?code=`) the verification result with its
/// QR code. In the reader's language, the notice's Chinese beside every quotation.
struct BenefitsPackPage {
    var edition: Edition
    var evaluation: BenefitEvaluation
    var routes: BenefitRoutes
    /// The notice's words for a clause, each with Credence's translation.
    var clause: (BenefitGroup) -> [(zh: String, en: String)]
    var verification: PackVerification?
    /// The day the pack was made (China time).
    var today: CalendarDate

    /// What the person answered (issue 43: the pack lists the answers its result rests on).
    var answers: PackAnswers

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        let claimable = evaluation.benefits.filter { $0.status != .notApplicable }
        let offices = Self.offices(claimable, routes)
        return Layout.page(page, title: page.t("政策办理材料清单", "Benefits pack"), content: .div(
            .class("pack"),
            .h1(.text(page.t("政策办理材料清单", "Benefits pack"))),
            .p(.class("meta"), .text(page.t("依据目录：", "Catalog: ") + edition.title.text(in: lang) + page.t("；制作日期：", "; made on ") + today.description)),
            .p(.class("meta no-print"), .text(page.t("用浏览器的“打印”即可打印或存为 PDF（A4）。本页地址可保存，以后再次打开。",
                                                     "Use your browser's Print to print it or save it as a PDF (A4). This page's address can be kept and opened again."))),
            .h2(.text(page.t("所持资格（《目录》原文）", "Qualifications held (as the catalog prints them)"))),
            .forEach(evaluation.qualifications) { entry($0, page) },
            answers.render(page),
            .unwrap(verification) { verificationPart($0, page) },
            .h2(.text(page.t("可享受的政策及办理渠道", "Benefits and where to apply for them"))),
            .if(claimable.isEmpty, .p(.text(page.t("按所给信息，没有适用或有条件适用的政策。", "On what was given, no benefit applies or is conditional.")))),
            .forEach(Array(offices.enumerated())) { index, office in
                let earlier = Set(offices.prefix(index).flatMap(\.benefits))
                return .section(
                    .class("pack-office"),
                    .ul(.class("pack-benefits"), .forEach(office.benefits) { benefit in
                        .unwrap(claimable.first { $0.benefit == benefit }) { result in
                            .li(.class("status-\(result.status.rawValue)"),
                                .strong(.text(result.benefit.title.text(in: lang))),
                                .text(" (" + result.benefit.group.clauseName.text(in: lang) + ") — "),
                                .span(.class("outcome"), .text(result.status.name.text(in: lang))),
                                .text(earlier.contains(benefit) ? page.t("（另一办理部门）", " (another office)")
                                      : Self.why(result, evaluation).map { page.t("：", ": ") + evaluation.text(of: $0).text(in: lang) } ?? ""))
                        }
                    }),
                    RouteParts.compact(office.route, page))
            },
            .h2(.text(page.t("通知原文", "The notice's words"))),
            .div(.class("pack-words"),
            .forEach(BenefitGroup.allCases) { group in
                .if(claimable.contains { $0.benefit.group == group }, .section(
                    .class("pack-group"),
                    .h3(.text("\(group.clauseName.text(in: lang)) " + group.title.text(in: lang))),
                    .forEach(clause(group)) { words in
                        .blockquote(
                            .p(.attribute(named: "lang", value: "zh"), .text(words.zh)),
                            .if(lang == .en, .p(.class("translation no-print"), .text("Credence's translation: " + words.en))))
                    }
                ))
            }),
            .section(.class("notes"), .forEach(evaluation.notes) { .p(.class("note"), .text($0.text.text(in: lang))) })
        ))
    }

    /// The one sentence that says why: what keeps it conditional, else its first reason.
    static func why(_ result: BenefitResult, _ evaluation: BenefitEvaluation) -> BenefitReason? {
        let shared = evaluation.qualifications.flatMap(\.reasons)
        return result.reasons.first(where: \.keepsItConditional) ?? result.reasons.first { !shared.contains($0) }
    }

    /// Each office and online address once, with the benefits claimed there (the work-permit
    /// office serves three): their documents together, each benefit's own notes kept.
    static func offices(_ results: [BenefitResult], _ routes: BenefitRoutes) -> [(route: BenefitRoute, benefits: [Benefit])] {
        var offices: [(route: BenefitRoute, benefits: [Benefit])] = []
        for result in results {
            for route in routes.routes(for: result) {
                guard route.office != nil, let index = offices.firstIndex(where: { $0.route.office == route.office && $0.route.url == route.url }) else {
                    offices.append((route, [result.benefit]))
                    continue
                }
                var merged = offices[index].route
                merged.documents += route.documents.filter { !merged.documents.contains($0) }
                if let notes = route.notes, merged.notes != notes {
                    merged.notes = merged.notes.map { BilingualText(zh: $0.zh + "\n" + notes.zh, en: $0.en + "\n" + notes.en) } ?? notes
                }
                if merged.service != route.service { merged.service = nil }
                offices[index] = (merged, offices[index].benefits + [result.benefit])
            }
        }
        return offices
    }

    private func entry(_ standing: QualificationStanding, _ page: PageContext) -> Node<HTML.BodyContext> {
        let entry = standing.entry
        func row(_ zh: String, _ en: String, _ text: BilingualText?) -> Node<HTML.DescriptionListContext> {
            .group(.dt(.text(page.t(zh, en))), .dd(printed(text, page)))
        }
        return .section(
            .class("pack-entry"),
            .h3(.text(page.t("第\(entry.seq)项 ", "Item \(entry.seq): ") + entry.name.text(in: page.language))),
            .dl(row("名称", "Name", entry.name), row("国家或地区", "Country or region", entry.region),
                row("发证机构", "Issuing body", entry.issuer), row("备注", "Remarks", entry.remarks)),
            .if(standing.status != .applies, .p(.strong(.text(standing.status == .conditional ? page.t("有条件认可：", "Recognized on a condition: ")
                                                                                            : page.t("不认可：", "Not recognized: "))),
                                                .text(standing.reasons.map { evaluation.text(of: $0).text(in: page.language) }.joined(separator: " "))))
        )
    }

    /// The catalog's Chinese as printed; in English, Credence's translation first. A blank
    /// stays blank.
    private func printed(_ text: BilingualText?, _ page: PageContext) -> Node<HTML.BodyContext> {
        guard let text else { return .text("—") }
        return page.language == .zh
            ? .span(.attribute(named: "lang", value: "zh"), .text(text.zh))
            : .group(.text(text.en), .br(), .span(.class("original"), .attribute(named: "lang", value: "zh"), .text(text.zh)))
    }

    private func verificationPart(_ verification: PackVerification, _ page: PageContext) -> Node<HTML.BodyContext> {
        switch verification {
        case .notActive(let code):
            return .p(.class("settle"), .id("pack-verification"),
                      .text(page.t("查验码“\(code)”没有有效的核验结果，本清单不含核验结果。",
                                   "The code “\(code)” has no active verification result; the pack is made without one.")))
        case .active(let check, let entryName, let url, let qr, let note):
            return .section(
                .class("pack-verification result"), .id("pack-verification"),
                .h2(.text(page.t("用人单位的核验结果", "The employer's verification result"))),
                .div(.class("qr"), .raw(qr)),
                .dl(
                    .dt(.text(page.t("结果", "Result"))), .dd(.text(page.t("证书真实", "Authentic"))),
                    .dt(.text(page.t("资格", "Qualification"))), .dd(.text(entryName?.text(in: page.language) ?? check.entryId)),
                    .dt(.text(page.t("持证人", "Holder"))), .dd(.text(check.holderNameMasked)),
                    .dt(.text(page.t("完成日期", "Completed on"))), .dd(.text(check.completedOn)),
                    .dt(.text(page.t("证书有效期", "Certificate validity"))), .dd(.text(note.text(in: page.language))),
                    .dt(.text(page.t("扫码或访问核对", "Scan or visit to check"))), .dd(.code(.text(url)))
                ),
                .p(.class("note"), .text(Disclaimer.text.text(in: page.language)))
            )
        }
    }
}

/// The verification result a pack carries, or why it carries none.
enum PackVerification {
    /// The public check, the qualification's name, the `/verify/{code}` address and its QR code (SVG).
    case active(PublicCheck, entryName: BilingualText?, url: String, qr: String, certificateNote: BilingualText)
    case notActive(code: String)
}
