import Crypto
import Foundation

/// What a completed verification says, signed so anyone can check it offline with the
/// service's public key: Ed25519 over the receipt's canonical JSON.
public struct Receipt: Sendable, Codable, Equatable {
    public var requestId: String
    public var entryId: String
    public var entryName: BilingualText
    public var edition: String
    public var holderName: String
    public var certificateNumber: String
    public var outcome: VerificationOutcome
    public var completedAt: String
    public var verificationCode: String?
    public var disclaimer: BilingualText
    public var issuedBy: String

    public init(requestId: String, entryId: String, entryName: BilingualText, edition: String, holderName: String,
                certificateNumber: String, outcome: VerificationOutcome, completedAt: String, verificationCode: String?) {
        self.requestId = requestId
        self.entryId = entryId
        self.entryName = entryName
        self.edition = edition
        self.holderName = holderName
        self.certificateNumber = certificateNumber
        self.outcome = outcome
        self.completedAt = completedAt
        self.verificationCode = verificationCode
        self.disclaimer = Disclaimer.text
        self.issuedBy = "Credence"
    }
}

/// The service's signing key.
public struct ReceiptSigner: Sendable {
    public let privateKey: Curve25519.Signing.PrivateKey

    public init(privateKey: Curve25519.Signing.PrivateKey) {
        self.privateKey = privateKey
    }

    public var publicKey: Data { privateKey.publicKey.rawRepresentation }

    /// The first 16 hex digits of the public key's SHA-256: which key signed.
    public var keyId: String { Self.keyId(for: publicKey) }

    public static func keyId(for publicKey: Data) -> String {
        String(SHA256.hash(data: publicKey).hex.prefix(16))
    }
}

extension ReceiptSigner {
    /// A completed request's receipt as it is kept and served: assembled from the request's
    /// facts (the holder's name masked, the entry's name from its edition), its canonical
    /// JSON, and the signature over exactly that JSON.
    public struct Signed: Sendable {
        public var receipt: Receipt
        public var document: String
        public var signature: String
        public var keyId: String
    }

    public func receipt(requestId: UUID, entryId: String, edition: String, holderName: String, certificateNumber: String,
                        outcome: VerificationOutcome, completedAt: Date, verificationCode: String?, catalog: Catalog) throws -> Signed {
        let entryName = (try? catalog.entry(entryId, edition: edition).name) ?? BilingualText(zh: entryId, en: entryId)
        let receipt = Receipt(
            requestId: requestId.uuidString.lowercased(), entryId: entryId, entryName: entryName, edition: edition,
            holderName: Masking.name(holderName), certificateNumber: certificateNumber, outcome: outcome,
            completedAt: Timestamps.rfc3339(completedAt), verificationCode: verificationCode)
        let canonical = try CanonicalJSON.data(receipt)
        return Signed(receipt: receipt, document: String(decoding: canonical, as: UTF8.self),
                      signature: try privateKey.signature(for: canonical).base64EncodedString(), keyId: keyId)
    }
}

/// Checks a signed receipt document — `{"receipt": {…}, "signature": "…", "keyId": "…"}`,
/// as `GET …/receipt` returns it — against a public key, with no network and no database.
/// The document is read strictly (a key named twice is refused: other JSON readers would
/// keep the other one), the signature is checked over the canonical bytes of the one
/// receipt there is, and what is reported is decoded from exactly those bytes.
public enum ReceiptVerifier {
    public enum Verdict: Equatable, Sendable {
        case valid
        case invalid(String)
    }

    public static func verify(document: Data, publicKey: Data) -> Verdict {
        switch check(document: document, publicKey: publicKey) {
        case .success: .valid
        case .failure(let problem): .invalid(problem.why)
        }
    }

    public struct Problem: Error, Sendable { public var why: String }

    /// The receipt the signature covers, or why the document is not a valid one.
    public static func check(document: Data, publicKey: Data) -> Result<Receipt, Problem> {
        func invalid(_ why: String) -> Result<Receipt, Problem> { .failure(Problem(why: why)) }
        let value: JSONValue
        do {
            value = try StrictJSON.parse(document)
        } catch {
            return invalid("the file is not strict JSON: \(error)")
        }
        guard case .object(let fields) = value else { return invalid("the file is not a JSON object") }
        if let unknown = fields.keys.sorted().first(where: { !["receipt", "signature", "keyId"].contains($0) }) {
            return invalid("unexpected \"\(unknown.prefix(64))\": a receipt document has only receipt, signature and keyId")
        }
        guard let receipt = fields["receipt"], case .object = receipt else { return invalid("no \"receipt\" object") }
        guard let signatureText = fields["signature"]?.string, let signature = Data(base64Encoded: signatureText) else {
            return invalid("no base64 \"signature\"")
        }
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else {
            return invalid("the public key is not a 32-byte Ed25519 key")
        }
        if let keyId = fields["keyId"]?.string, keyId != ReceiptSigner.keyId(for: publicKey) {
            return invalid("signed with key \(keyId), not with this public key (\(ReceiptSigner.keyId(for: publicKey)))")
        }
        guard let signed = try? CanonicalJSON.data(receipt), key.isValidSignature(signature, for: signed) else {
            return invalid("the signature does not match the receipt: it was changed, or signed by another key")
        }
        // What was signed, read back from the signed bytes; it must be a whole receipt and
        // nothing more (a field this reader would drop is not one it can vouch for).
        guard let decoded = try? JSONDecoder().decode(Receipt.self, from: signed),
              (try? CanonicalJSON.data(decoded)) == signed
        else {
            return invalid("the signed object is not a Credence receipt")
        }
        return .success(decoded)
    }
}

/// Seals personal data (passport numbers) with AES-256-GCM; the stored form is base64 of
/// nonce, ciphertext and tag.
public struct DataSealer: Sendable {
    let key: SymmetricKey

    public init(key: SymmetricKey) {
        self.key = key
    }

    public func seal(_ text: String) throws -> String {
        guard let combined = try AES.GCM.seal(Data(text.utf8), using: key).combined else { throw CryptoKitError.incorrectParameterSize }
        return combined.base64EncodedString()
    }

    public func open(_ sealed: String) throws -> String {
        guard let data = Data(base64Encoded: sealed) else { throw CryptoKitError.incorrectParameterSize }
        return String(decoding: try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: key), as: UTF8.self)
    }
}
