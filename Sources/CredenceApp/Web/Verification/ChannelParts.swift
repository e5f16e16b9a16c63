import CredenceCore
import Plot

/// A channel as officers and administrators read it: where to check, what it needs, the
/// working days and what they rest on, the measured median beside them, how far to trust
/// the address and the evidence for it.
enum ChannelParts {
    static func facts(_ channel: VerificationChannel, measured: ServiceStandards.Figures?, _ page: PageContext) -> Node<HTML.BodyContext> {
        let lang = page.language
        return .group(
            .dl(
                .dt(.text(page.t("方式", "Kind"))), .dd(.text(channel.kind.name.text(in: lang))),
                .dt(.text(page.t("网址", "Address"))),
                .dd(.unwrap(channel.url, { .a(.href($0.attributeEscaped), .attribute(named: "rel", value: "noreferrer"), .text($0)) },
                            else: .text(page.t("无公开渠道：向发证机构书面查询（无地址）", "No public channel: write to the issuing body (no address known)")))),
                .dt(.text(page.t("需要的信息", "Needs"))), .dd(.text(channel.inputs.isEmpty ? "—" : channel.inputs.joined(separator: "; "))),
                .dt(.text(page.t("工作日", "Working days"))),
                .dd(.strong(.text(String(channel.typicalWorkingDays))), .text(" — " + channel.workingDaysBasis.name.text(in: lang))),
                .unwrap(channel.turnaround) { turnaround in
                    .group(.dt(.text(page.t("来源所述时限", "What the sources say about time"))), .dd(text(turnaround)))
                },
                .dt(.text(page.t("实际中位数", "Measured median"))),
                .dd(.text(measuredText(measured, page))),
                .dt(.text(page.t("可信程度", "Confidence"))),
                .dd(confidence(channel, page)),
                .dt(.text(page.t("说明", "Source"))), .dd(.text(sourceText(channel, page)))
            ),
            evidence(channel, page)
        )
    }

    /// The confidence in a few words, with who confirmed it and when.
    static func confidence(_ channel: VerificationChannel, _ page: PageContext) -> Node<HTML.BodyContext> {
        .span(.class("confidence confidence-\(channel.confidence.rawValue)"),
              .text(channel.confirmation.map { $0.sentence.text(in: page.language) + page.t("（依据：", " (against: ") + $0.source + page.t("）", ")") }
                    ?? channel.confidence.name.text(in: page.language)))
    }

    /// The evidence, each source with the sentence that shows the channel's purpose.
    static func evidence(_ channel: VerificationChannel, _ page: PageContext, open: Bool = true) -> Node<HTML.BodyContext> {
        let title = page.t("证据（\(channel.evidence.count)）", "Evidence (\(channel.evidence.count))")
        if channel.evidence.isEmpty {
            return .p(.class("meta"), .text(page.t("证据：在已存档的公开网页和文件中未找到。", "Evidence: none found in the stored public pages and files.")))
        }
        return open ? .group(.h3(.text(title)), evidenceList(channel)) : .details(.summary(.text(title)), evidenceList(channel))
    }

    private static func evidenceList<C: HTML.BodyContext>(_ channel: VerificationChannel) -> Node<C> {
        .ol(.class("evidence"), .forEach(channel.evidence) { item in
            .li(HTTPAddress.isValid(item.source)
                    ? .a(.href(item.source.attributeEscaped), .attribute(named: "rel", value: "noreferrer"), .text(item.source))
                    : .text(item.source),
                .blockquote(.attribute(named: "lang", value: language(of: item.quote)), .text(item.quote)))
        })
    }

    private static func measuredText(_ measured: ServiceStandards.Figures?, _ page: PageContext) -> String {
        guard let measured, measured.completed > 0, let median = measured.medianWorkingDays else {
            return page.t("尚无已完成的申请（近365天）", "no completed requests yet (last 365 days)")
        }
        return page.t("\(ServiceStandardsPage.number(median)) 个工作日，近365天完成 \(measured.completed) 件（不替代上面的数字）",
                      "\(ServiceStandardsPage.number(median)) working days over \(measured.completed) completed in the last 365 days (shown beside the figure above, not replacing it)")
    }

    private static func text(_ words: String) -> Node<HTML.BodyContext> {
        .span(.attribute(named: "lang", value: language(of: words)), .text(words))
    }

    /// A quote's language for screen readers: Chinese when it holds CJK characters.
    static func language(of text: String) -> String {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } ? "zh" : "en"
    }

    /// The registry writes its own note in English; on a Chinese page it is said in Chinese.
    /// An administrator's note is shown as they wrote it.
    static func sourceText(_ channel: VerificationChannel, _ page: PageContext) -> String {
        guard page.language == .zh, channel.confirmation == nil, channel.source.hasPrefix("Credence's channel registry") else { return channel.source }
        if channel.confidence == .noneFound {
            return "本系统的核验渠道登记（2026-11-30 查阅的公开网页和文件）：未找到公开渠道或书面申请方式，请致函发证机构。工作日数为本系统的计划默认值。"
        }
        return "本系统的核验渠道登记（2026-11-30 查阅的公开网页和文件），见下列证据。"
            + (channel.workingDaysBasis == .stated ? "工作日数由来源所述时限换算。" : "工作日数为本系统按渠道类型设定的计划默认值，没有来源说明时限。")
    }
}
