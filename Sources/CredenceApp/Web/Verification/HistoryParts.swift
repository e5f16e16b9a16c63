import CredenceCore
import Plot

/// A request's history as people read it (issue 43): the holder's consent recorded in words,
/// not as the audit's key=value note, and a step that leaves the status as it was said once.
enum HistoryParts {
    /// The note of an event, in words where Credence wrote it for the record.
    static func note(_ event: VerificationRequest.Event, _ page: PageContext) -> String {
        guard let note = event.note else { return "" }
        guard event.action == .holderConsent, note.hasPrefix("processing=") else { return note }
        var fields: [String: String] = [:]
        for pair in note.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        let language = fields["lang"] == "en" ? page.t("英文", "English") : page.t("中文", "Chinese")
        return page.t("持证人分别同意了个人信息处理和向境外提供（所见文本：\(language)，版本 \(fields["processing"]?.prefix(8) ?? "—")）。",
                      "The holder gave both consents, to the processing and to the transfer abroad (the texts they saw: \(language), version \(fields["processing"]?.prefix(8) ?? "—")).")
    }

    /// "Rejected → Rejected" says nothing: the arrow only where the step changed the status it
    /// found, to one its own name does not already say. A request's first step found none
    /// ("Submitted", not "Submitted → Submitted").
    static func step(_ event: VerificationRequest.Event, _ page: PageContext) -> Node<HTML.BodyContext> {
        let action = event.action.name.text(in: page.language)
        guard let from = event.from, from != event.to, event.to.name.text(in: page.language) != action else {
            return .text(" · " + action)
        }
        return .group(.text(" · " + action + " → "), VerificationParts.status(event.to, page))
    }
}
