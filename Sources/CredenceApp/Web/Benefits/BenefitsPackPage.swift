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

    func render(_ page: PageContext) -> HTML {
        let lang = page.language
        let claimable = evaluation.benefits.filter { $0.status != .notApplicable }
        return Layout.page(page, title: page.t("政策办理材料清单", "Benefits pack"), content: .div(
            .class("pack"),
            .h1(.text(page.t("政策办理材料清单", "Benefits pack"))),
            .p(.class("meta"), .text(page.t("依据目录：", "Catalog: ") + edition.title.text(in: lang) + page.t("；制作日期：", "; made on ") + today.description)),
            .p(.class("meta no-print"), .text(page.t("用浏览器的“打印”即可打印或存为 PDF（A4）。本页地址可保存，以后再次打开。",
                                                     "Use your browser's Print to print it or save it as a PDF (A4). This page's address can be kept and opened again."))),
            .h2(.text(page.t("所持资格（《目录》原文）", "Qualifications held (as the catalog prints them)"))),
            .forEach(evaluation.qualifications) { entry($0, page) },
            .unwrap(verification) { verificationPart($0, page) },
            .h2(.text(page.t("可享受的政策及办理渠道", "Benefits and where to apply for them"))),
            .if(claimable.isEmpty, .p(.text(page.t("按所给信息，没有适用或有条件适用的政策。", "On what was given, no benefit applies or is conditional.")))),
            .forEach(BenefitGroup.allCases) { group in
                let benefits = claimable.filter { $0.benefit.group == group }
                return .if(!benefits.isEmpty, .section(
                    .class("pack-group"),
                    .h3(.text("\(group.clause) " + group.title.text(in: lang))),
                    .forEach(clause(group)) { words in
                        .blockquote(
                            .p(.attribute(named: "lang", value: "zh"), .text(words.zh)),
                            .if(lang == .en, .p(.class("translation"), .text("Credence's translation: " + words.en))))
                    },
                    .forEach(benefits) { benefit($0, page) }
                ))
            },
            .section(.class("notes"), .forEach(evaluation.notes) { .p(.class("note"), .text($0.text.text(in: lang))) })
        ))
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
                row("发证机构", "Issuing body", entry.issuer), row("备注", "Remarks", entry.remarks))
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

    private func benefit(_ result: BenefitResult, _ page: PageContext) -> Node<HTML.BodyContext> {
        let lang = page.language
        return .section(
            .class("pack-benefit status-\(result.status.rawValue)"),
            .h4(.text(result.benefit.title.text(in: lang) + " — " + result.status.name.text(in: lang))),
            .ul(.class("reasons"), .forEach(Array(result.reasons)) { .li(.text(evaluation.text(of: $0).text(in: lang))) }),
            .p(.strong(.text(page.t("去哪里办理：", "Where to apply:")))),
            .forEach(routes.routes(for: result.benefit)) { RouteParts.route($0, page, evidence: false) }
        )
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
