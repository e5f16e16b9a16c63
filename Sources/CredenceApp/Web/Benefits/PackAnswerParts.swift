import CredenceCore
import Plot

/// The answers a benefits pack rests on (issue 43): each question as the page asked it, with
/// what the person said or "not answered", so an office reading the pack sees the basis.
struct PackAnswers {
    var profile: BenefitProfile
    var zones: [Zone]
    var held: [Entry]

    func rows(_ page: PageContext) -> [(question: String, answer: String)] {
        let unknown = page.t("未回答", "not answered")
        func yesNo(_ value: Bool?) -> String { value.map { $0 ? page.t("是", "yes") : page.t("否", "no") } ?? unknown }
        return ProfileQuestion.all.map { question in
            let answer: String = switch question.fact {
            case .workZone:
                switch profile.workZone {
                case .zone(let id): zones.first { $0.id == id }?.name.text(in: page.language) ?? id
                case .linkedUnlisted: page.t("未列出的联动创新区或基地", "a linked zone or base not listed")
                case .outside: page.t("以上范围之外", "somewhere else")
                case nil: unknown
                }
            case .nationality: profile.nationality?.name.text(in: page.language) ?? unknown
            case .age: profile.age.map(String.init) ?? unknown
            case .highTechIndustry: yesNo(profile.highTechIndustry)
            case .relevantExperienceYears: profile.relevantExperienceYears.map { $0.formatted() } ?? unknown
            case .workRelatedTo:
                profile.workRelatedTo.map { related in
                    held.map { ($0.name.text(in: page.language)) + page.t("：", ": ") + (related.contains($0.id) ? page.t("是", "yes") : page.t("否", "no")) }
                        .joined(separator: "; ")
                } ?? unknown
            case .meetsTitleCriteria: yesNo(profile.meetsTitleCriteria)
            case .examBasedSpecialty: yesNo(profile.examBasedSpecialty)
            case .classA: yesNo(profile.classA)
            case .localPharmacistRegistration: yesNo(profile.localPharmacistRegistration)
            default: unknown
            }
            return (question.label.text(in: page.language), answer)
        }
    }

    func render(_ page: PageContext) -> Node<HTML.BodyContext> {
        let unknown = page.t("未回答", "not answered")
        let rows = rows(page)
        let unanswered = rows.filter { $0.answer == unknown }.map(\.question)
        return .section(
            .class("pack-answers"),
            .h2(.text(page.t("结果所依据的回答", "The answers this result rests on"))),
            .ul(.class("answers"), .forEach(rows.filter { $0.answer != unknown }) { row in
                .li(.span(.class("question"), .text(row.question + " ")), .strong(.text(row.answer)))
            }),
            .if(!unanswered.isEmpty, .p(.class("unanswered"), .strong(.text(page.t("未回答：", "Not answered: "))),
                                         .text(unanswered.joined(separator: page.t("；", "; ")))))
        )
    }
}
