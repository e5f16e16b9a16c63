import Foundation

/// W3C Bitstring Status List v1.0, for revocation: bit `i` (counted from the most
/// significant bit of the first byte) set means the credential with `statusListIndex` `i`
/// is revoked. A list holds the spec's minimum of 131,072 entries, so that one list hides
/// which of many credentials a verifier asks about; indexes are drawn at random so they do
/// not reveal the order of issue.
public enum BitstringStatusList {
    public static let size = 131_072

    public static func bitstring(revoked indexes: some Sequence<Int>) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size / 8)
        for index in indexes where (0..<size).contains(index) {
            bytes[index / 8] |= 0x80 >> UInt8(index % 8)
        }
        return bytes
    }

    public static func isSet(_ bitstring: [UInt8], _ index: Int) -> Bool {
        index >= 0 && index / 8 < bitstring.count && bitstring[index / 8] & (0x80 >> UInt8(index % 8)) != 0
    }

    /// `encodedList`: multibase base64url (`u`, no padding) of the GZIP-compressed bitstring.
    public static func encodedList(gzipped: some Sequence<UInt8>) -> String {
        "u" + Data(gzipped).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The list as an unsigned `BitstringStatusListCredential`.
    public static func credential(list: Int, encodedList: String, issuer: CredentialIssuer, validFrom: Date) -> [String: JSONValue] {
        let url = issuer.statusListURL(list)
        return [
            "@context": .array([.string(ResultCredential.baseContext)]),
            "id": .string(url),
            "type": .array([.string("VerifiableCredential"), .string("BitstringStatusListCredential")]),
            "issuer": issuer.json,
            "validFrom": .string(Timestamps.rfc3339(validFrom)),
            "credentialSubject": .object([
                "id": .string(url + "#list"),
                "type": .string("BitstringStatusList"),
                "statusPurpose": .string("revocation"),
                "encodedList": .string(encodedList),
            ]),
        ]
    }
}

/// Why a result was withdrawn.
public enum RevocationReason: String, CaseIterable, Sendable, Codable {
    case issuedInError = "issued_in_error"
    case certificateRevokedByIssuer = "certificate_revoked_by_issuer"
    case fraudFoundLater = "fraud_found_later"
    case other
    /// Replaced by the result a review changed it to (复核, issue 33); set only by a review.
    case superseded

    /// The reasons an officer may give when revoking a result by hand.
    public static let byOfficer: [RevocationReason] = [.issuedInError, .certificateRevokedByIssuer, .fraudFoundLater, .other]

    public var name: BilingualText {
        switch self {
        case .issuedInError: BilingualText(zh: "结果出具有误", en: "The result was issued in error")
        case .certificateRevokedByIssuer: BilingualText(zh: "发证机构已撤销该证书", en: "The issuing body has revoked the certificate")
        case .fraudFoundLater: BilingualText(zh: "事后发现造假", en: "Fraud was found later")
        case .other: BilingualText(zh: "其他原因", en: "Other reason")
        case .superseded: BilingualText(zh: "复核后已由新结果取代", en: "Superseded by the result of a review")
        }
    }
}

/// A revoked result: when, and why.
public struct Revocation: Sendable, Equatable, Codable {
    public var at: Date
    public var reason: RevocationReason
    public var note: String?

    public init(at: Date, reason: RevocationReason, note: String?) {
        self.at = at
        self.reason = reason
        self.note = note
    }
}
