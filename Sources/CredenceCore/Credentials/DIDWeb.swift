import Crypto
import Foundation

/// The installation's identifier as `did:web` spells it: the host of the public address, a
/// port percent-encoded (`did:web:example.org%3A8443`), path segments joined by colons.
public struct DIDWeb: Sendable, Equatable {
    public let did: String

    public init?(publicURL: URL) {
        guard let components = URLComponents(url: publicURL, resolvingAgainstBaseURL: false), let host = components.host,
              !host.isEmpty, ["http", "https"].contains(components.scheme ?? "")
        else { return nil }
        var did = "did:web:" + host.lowercased()
        if let port = components.port { did += "%3A\(port)" }
        for segment in components.path.split(separator: "/") where !segment.isEmpty {
            did += ":" + (String(segment).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(.init(charactersIn: ":"))) ?? "")
        }
        self.did = did
    }

    /// A key's verification method id: the DID, `#`, the key's multibase form.
    public func verificationMethod(for key: Curve25519.Signing.PublicKey) -> String {
        did + "#" + Multikey.encode(key)
    }

    /// The DID document: every key the installation has signed with, current first, each a
    /// `Multikey` and listed in `assertionMethod`.
    public func document(keys: [Curve25519.Signing.PublicKey]) -> JSONValue {
        let methods = keys.map { key -> JSONValue in
            .object(["id": .string(verificationMethod(for: key)), "type": .string("Multikey"), "controller": .string(did),
                     "publicKeyMultibase": .string(Multikey.encode(key))])
        }
        return .object([
            "@context": .array([.string("https://www.w3.org/ns/did/v1"), .string("https://w3id.org/security/multikey/v1")]),
            "id": .string(did),
            "verificationMethod": .array(methods),
            "assertionMethod": .array(keys.map { .string(verificationMethod(for: $0)) }),
        ])
    }

    /// The keys a DID document publishes for assertions, by verification method id — how
    /// an offline check reads a document it was given.
    public static func assertionKeys(in document: JSONValue) -> (did: String, keys: [String: Curve25519.Signing.PublicKey])? {
        guard let did = document["id"]?.string, case .array(let methods)? = document["verificationMethod"] else { return nil }
        let asserted: Set<String> = if case .array(let ids)? = document["assertionMethod"] { Set(ids.compactMap(\.string)) } else { [] }
        var keys: [String: Curve25519.Signing.PublicKey] = [:]
        for method in methods {
            guard let id = method["id"]?.string, asserted.contains(id), method["type"]?.string == "Multikey",
                  let multibase = method["publicKeyMultibase"]?.string, let key = Multikey.publicKey(multibase)
            else { continue }
            keys[id] = key
        }
        return (did, keys)
    }
}
