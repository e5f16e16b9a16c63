import Foundation

/// What the holder's page shows (issue 31): the request (the passport number masked), who
/// asks (the employer's credit code), until when the link works, and the steps it was used for.
public struct HolderView: Sendable {
    public var request: VerificationRequest
    public var creditCode: String?
    public var linkExpiresAt: Date
    public var used: Set<HolderAction>

    public init(request: VerificationRequest, creditCode: String?, linkExpiresAt: Date, used: Set<HolderAction>) {
        self.request = request
        self.creditCode = creditCode
        self.linkExpiresAt = linkExpiresAt
        self.used = used
    }
}
