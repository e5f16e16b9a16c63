import Foundation

/// An alert as the dashboard shows it.
public struct CatalogAlert: Sendable {
    public var event: String
    public var entryId: String
    public var toEdition: String
    public var requests: [UUID]
    public var reason: RetirementReason?
    public var note: String?
    public var fields: [String]
    public var at: Date

    public init(event: String, entryId: String, toEdition: String, requests: [UUID], reason: RetirementReason?, note: String?,
                fields: [String], at: Date) {
        self.event = event
        self.entryId = entryId
        self.toEdition = toEdition
        self.requests = requests
        self.reason = reason
        self.note = note
        self.fields = fields
        self.at = at
    }
}
