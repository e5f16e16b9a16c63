import Foundation

/// A batch: one file of holders, checked row by row as single submissions are, then
/// written in one transaction (through the group commit) or not at all.
public struct VerificationBatch: Sendable {
    public var id: UUID
    public var createdAt: Date
    public var count: Int
    public var requests: [VerificationRequest]

    public init(id: UUID, createdAt: Date, count: Int, requests: [VerificationRequest]) {
        self.id = id
        self.createdAt = createdAt
        self.count = count
        self.requests = requests
    }

    public var byStatus: [VerificationStatus: Int] {
        Dictionary(grouping: requests, by: \.status).mapValues(\.count)
    }
}
