import CredenceCore
import Foundation

/// The 一次性告知 forms as a controller reads them (the fields `InfoChecklistParts` draws).
enum InfoChecklistForm {
    /// What the two forms sent: the items checked (with their notes), the answers given.
    static func read(_ form: FormFields, into input: inout VerificationActionInput) {
        // A box per kind (one name each: a group of boxes sharing a name must hold nothing else).
        input.items = InfoItemCode.allCases.filter { form["item-\($0.rawValue)"] == "yes" }.map { code in
            InfoItem(code: code, note: form["item-note-\(code.rawValue)"].nilIfEmpty)
        }
        input.answers = (1...InfoRequest.maxItems).compactMap { number in
            let note = form["answer-\(number)"].nilIfEmpty
            let file = UUID(uuidString: form["answer-file-\(number)"])
            guard form.first("answer-\(number)") != nil || file != nil else { return nil }
            return InfoAnswer(item: number, note: note, attachmentId: file)
        }
    }
}
