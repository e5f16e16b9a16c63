import CredenceCore
import Foundation
import Plot

/// Where a request stands, as parcel and visa trackers show it: submitted → accepted (with
/// the estimated date) → result, the current step marked in words (and `aria-current`),
/// not by colour alone. A rejected or withdrawn request ends at that step.
enum RequestTimeline {
    struct Step {
        var title: String
        var when: Date?
        var detail: String?
        var done: Bool
        var current: Bool
    }

    static func steps(_ request: VerificationRequest, _ page: PageContext) -> [Step] {
        let accepted = request.history.last { $0.action == .accept }?.at
        let submitted = Step(title: page.t("已提交", "Submitted"), when: request.createdAt,
                             detail: request.status == .needsInfo ? page.t("待补充材料", "More information needed") : nil,
                             done: true, current: request.status == .submitted || request.status == .needsInfo)
        switch request.status {
        case .rejected, .withdrawn:
            let end = request.history.last { $0.to == request.status }?.at
            return [submitted.with(current: false), Step(title: request.status.name.text(in: page.language), when: end, detail: nil, done: true, current: true)]
        default:
            let resulted = request.status == .completed || request.status == .underReview
            var steps = [
                submitted,
                Step(title: page.t("已受理", "Accepted"), when: accepted,
                     detail: request.estimatedCompletionOn.map { page.t("预计完成：", "Estimated: ") + $0 },
                     done: accepted != nil && request.status != .submitted && request.status != .needsInfo, current: request.status == .accepted),
                Step(title: page.t("核验结果", "Result"), when: request.completedAt,
                     detail: request.outcome?.name.text(in: page.language), done: resulted, current: request.status == .completed),
            ]
            if let review = request.review {
                steps[2].current = false
                steps.append(Step(title: page.t("复核", "Review"), when: review.decidedAt ?? review.requestedAt,
                                  detail: review.decision?.name.text(in: page.language), done: review.decision != nil, current: true))
            }
            return steps
        }
    }

    static func render(_ request: VerificationRequest, _ page: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .ol(.class("timeline"), .attribute(named: "aria-label", value: page.t("办理进度", "Progress")), .forEach(steps(request, page)) { step in
                .li(.class(step.current ? "current" : step.done ? "done" : "todo"),
                    .if(step.current, .attribute(named: "aria-current", value: "step")),
                    .text(step.title),
                    .text(step.current ? page.t("（当前）", " (current step)") : step.done ? "" : page.t("（未到）", " (not yet)")),
                    .unwrap(step.when) { when in .span(.class("when"), LocalTime.node(when, page)) },
                    .unwrap(step.detail) { .span(.class("when"), .text($0)) })
            }))
    }
}

extension RequestTimeline.Step {
    func with(current: Bool) -> Self {
        var step = self
        step.current = current
        return step
    }
}
