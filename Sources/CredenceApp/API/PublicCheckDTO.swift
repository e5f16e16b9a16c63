import CredenceCore
import Foundation

/// What the public check of a code answers (`GET /api/v1/verify/{code}`, `credence verify`).
public struct PublicCheckDTO: Encodable, Sendable {
    var code: String
    var outcome: String
    var entryId: String
    var entryName: BilingualText?
    var edition: String
    var completedOn: String
    var holderName: String
    var disclaimer = Disclaimer.text
    /// Set when the result was withdrawn after it was given.
    var revocation: VerificationRequestDTO.RevocationDTO?
    /// Whether the certificate was current on the result's day, its expiry as given, and
    /// the sentence the page shows (also when its own expiry has since passed).
    var certificateStatus: String
    var expiresOn: String?
    var certificateNote: BilingualText?

    public init(_ check: PublicCheck, catalog: Catalog, today: CalendarDate) {
        code = check.code
        outcome = check.outcome.rawValue
        entryId = check.entryId
        entryName = try? catalog.entry(check.entryId, edition: check.edition).name
        edition = check.edition
        completedOn = check.completedOn
        holderName = check.holderNameMasked
        revocation = check.revocation.map(VerificationRequestDTO.RevocationDTO.init)
        certificateStatus = check.certificateStatus.rawValue
        expiresOn = check.expiresOn
        certificateNote = check.note(today: today)
    }

    /// A line a person reads: the code, the outcome, the entry and the masked holder.
    public var summary: String {
        "\(code): \(outcome), \(entryName?.en ?? entryId) (\(entryId)), completed \(completedOn), holder \(holderName)"
            + (revocation.map { ", revoked \($0.at)" } ?? "")
    }
}
