import CredenceCore
import Foundation

/// What a request list's query asks for — the words searched and the officers' desk
/// filters — read the same way by the API and the pages.
enum RequestListQuery {
    /// `?q=`: what to find (1–100 characters; blank is no search).
    static func search(_ query: QueryParameters) throws -> String? {
        guard let text = try query.string("q")?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard text.schemaLength <= 100 else { throw APIError.badParameter("q", "q may have at most 100 characters: a holder's name, a certificate number, a verification code or a request id.") }
        return text
    }

    /// `?assignee=me|none|<officer id>&overdue=true&issuingBody=<id>`: staff's desk filters.
    struct DeskFilters {
        var assignee: UUID??
        var overdue = false
        var issuingBody: String?
        var query = ""
        var isEmpty: Bool { assignee == nil && !overdue && issuingBody == nil }
    }

    static func deskFilters(_ query: QueryParameters, account: Account) throws -> DeskFilters {
        var filters = DeskFilters()
        if let text = try query.string("assignee") {
            switch text {
            case "me": filters.assignee = .some(account.id)
            case "none": filters.assignee = .some(nil)
            default:
                guard let id = UUID(uuidString: text) else {
                    throw APIError.badParameter("assignee", "assignee must be me, none or an officer's id; got '\(text.prefix(40))'.")
                }
                filters.assignee = .some(id)
            }
            filters.query += "assignee=\(text)&"
        }
        if let text = try query.string("overdue") {
            guard ["true", "false"].contains(text) else { throw APIError.badParameter("overdue", "overdue must be true or false; got '\(text.prefix(20))'.") }
            filters.overdue = text == "true"
            if filters.overdue { filters.query += "overdue=true&" }
        }
        if let text = try query.string("issuingBody") {
            guard text.schemaLength <= 100 else { throw APIError.badParameter("issuingBody", "issuingBody must be an issuing body's id.") }
            filters.issuingBody = text
            filters.query += "issuingBody=\(text.queryEncoded)&"
        }
        if account.role == .employer, !filters.isEmpty {
            throw APIError.badParameter("assignee", "assignee, overdue and issuingBody are filters of the officers' desk.")
        }
        return filters
    }
}
