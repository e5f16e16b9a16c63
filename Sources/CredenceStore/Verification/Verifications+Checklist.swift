import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// 一次性告知: a `request_info` event keeps its checklist, the `resubmit` after it the
/// answers, both as JSON in the event's `checklist` column — part of the history, so part
/// of what the audit chain and the request's page show.
struct EventChecklist: Codable {
    var items: [InfoItem]?
    var answers: [InfoAnswer]?

    /// The column's text for an event, or nil when it carries neither.
    static func column(items: [InfoItem]?, answers: [InfoAnswer]?) throws -> String? {
        guard items != nil || answers != nil else { return nil }
        return String(decoding: try CanonicalJSON.data(EventChecklist(items: items, answers: answers)), as: UTF8.self)
    }

    static func read(_ text: String?) -> EventChecklist? {
        text.flatMap { try? JSONDecoder().decode(EventChecklist.self, from: Data($0.utf8)) }
    }
}
