import Foundation

/// A change to one of an employer's requests, as the dashboard's notifications show it.
public struct RequestChange: Sendable {
    public var request: UUID
    public var holderName: String
    public var entryId: String
    public var event: VerificationRequest.Event

    public init(request: UUID, holderName: String, entryId: String, event: VerificationRequest.Event) {
        self.request = request
        self.holderName = holderName
        self.entryId = entryId
        self.event = event
    }
}
