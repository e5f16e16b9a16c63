import Crypto
import Foundation

/// One link of the audit log: every event carries the hash of the one before, so altering,
/// removing or reordering a stored event breaks the chain from there on.
public struct AuditLink: Sendable, Codable, Equatable {
    public var seq: Int64
    /// Milliseconds since 1970, UTC: exact on every database.
    public var atMilliseconds: Int64
    public var kind: String
    public var actorId: String?
    public var subjectId: String?
    public var email: String?
    public var address: String?
    public var detail: String?
    public var previousHash: String

    public init(seq: Int64, atMilliseconds: Int64, kind: String, actorId: String?, subjectId: String?, email: String?,
                address: String?, detail: String?, previousHash: String) {
        self.seq = seq
        self.atMilliseconds = atMilliseconds
        self.kind = kind
        self.actorId = actorId
        self.subjectId = subjectId
        self.email = email
        self.address = address
        self.detail = detail
        self.previousHash = previousHash
    }

    /// SHA-256, hex, of the link's canonical JSON (absent values as null).
    public var hash: String {
        let fields: [String: JSONValue] = [
            "seq": .number(Double(seq)), "at": .number(Double(atMilliseconds)), "kind": .string(kind),
            "actorId": actorId.map(JSONValue.string) ?? .null, "subjectId": subjectId.map(JSONValue.string) ?? .null,
            "email": email.map(JSONValue.string) ?? .null, "address": address.map(JSONValue.string) ?? .null,
            "detail": detail.map(JSONValue.string) ?? .null, "previousHash": .string(previousHash),
        ]
        let data = (try? CanonicalJSON.data(JSONValue.object(fields))) ?? Data()
        return SHA256.hash(data: data).hex
    }

    /// The hash the first event links to.
    public static let genesis = String(repeating: "0", count: 64)
}
