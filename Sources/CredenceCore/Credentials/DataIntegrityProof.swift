import Crypto
import Foundation

/// W3C Data Integrity EdDSA Cryptosuites v1.0, `eddsa-jcs-2022`: the proof signs the
/// SHA-256 of the RFC 8785 form of the proof's options followed by the SHA-256 of the RFC
/// 8785 form of the document without its proof; `proofValue` is the signature in multibase
/// base58btc.
public enum EdDSAJCS2022 {
    public static let cryptosuite = "eddsa-jcs-2022"

    public struct Options: Sendable {
        public var verificationMethod: String
        public var created: Date
        public var proofPurpose = "assertionMethod"

        public init(verificationMethod: String, created: Date) {
            self.verificationMethod = verificationMethod
            self.created = created
        }
    }

    /// `document` with a `proof` member added.
    public static func sign(_ document: [String: JSONValue], options: Options,
                            key: Curve25519.Signing.PrivateKey) throws -> [String: JSONValue] {
        var proof: [String: JSONValue] = [
            "type": .string("DataIntegrityProof"), "cryptosuite": .string(cryptosuite),
            "created": .string(Timestamps.rfc3339(options.created)),
            "verificationMethod": .string(options.verificationMethod), "proofPurpose": .string(options.proofPurpose),
        ]
        if let context = document["@context"] { proof["@context"] = context }
        let signature = try key.signature(for: try hashData(document: document, proofOptions: proof))
        proof["proofValue"] = .string("z" + Base58.encode(signature))
        var signed = document
        signed["proof"] = .object(proof)
        return signed
    }

    /// Why a secured document's proof does not hold, or nil when it does. The caller has
    /// already chosen `publicKey` from the proof's `verificationMethod`.
    public static func problem(with secured: [String: JSONValue], publicKey: Curve25519.Signing.PublicKey) -> ProofProblem? {
        guard case .object(var proof)? = secured["proof"] else { return .malformed("no proof object") }
        guard proof["type"]?.string == "DataIntegrityProof" else { return .malformed("the proof's type is not DataIntegrityProof") }
        guard proof["cryptosuite"]?.string == cryptosuite else { return .unsupportedCryptosuite(proof["cryptosuite"]?.string) }
        guard let value = proof.removeValue(forKey: "proofValue")?.string, value.hasPrefix("z"),
              let signature = Base58.decode(String(value.dropFirst())), signature.count == 64
        else { return .malformed("the proofValue is not a base58btc Ed25519 signature") }
        var document = secured
        document["proof"] = nil
        // The proof's own context must be where the document's begins (the spec's step 2).
        if let proofContext = proof["@context"] {
            guard case .array(let expected) = proofContext, case .array(let actual)? = document["@context"],
                  actual.starts(with: expected)
            else { return .malformed("the proof's @context does not match the document's") }
        }
        guard let data = try? hashData(document: document, proofOptions: proof) else { return .malformed("not canonicalizable JSON") }
        return publicKey.isValidSignature(signature, for: data) ? nil : .signatureMismatch
    }

    /// SHA-256(JCS(proof options)) ‖ SHA-256(JCS(document)).
    public static func hashData(document: [String: JSONValue], proofOptions: [String: JSONValue]) throws -> Data {
        let proofHash = SHA256.hash(data: try JCS.canonicalize(.object(proofOptions)))
        let documentHash = SHA256.hash(data: try JCS.canonicalize(.object(document)))
        return Data(proofHash) + Data(documentHash)
    }
}

public enum ProofProblem: Equatable, Sendable {
    case malformed(String)
    case unsupportedCryptosuite(String?)
    case signatureMismatch
}
