import Crypto
import Foundation

/// Ed25519 keys written as W3C Controlled Identifiers' `Multikey`: multibase base58btc
/// (`z`) of the multicodec prefix and the raw key — `z6Mk…` for a public key.
public enum Multikey {
    static let publicPrefix: [UInt8] = [0xED, 0x01]   // multicodec ed25519-pub
    static let privatePrefix: [UInt8] = [0x80, 0x26]  // multicodec ed25519-priv (0x1300)

    public static func encode(_ key: Curve25519.Signing.PublicKey) -> String {
        "z" + Base58.encode(publicPrefix + Array(key.rawRepresentation))
    }

    public static func encode(_ key: Curve25519.Signing.PrivateKey) -> String {
        "z" + Base58.encode(privatePrefix + Array(key.rawRepresentation))
    }

    public static func publicKey(_ multibase: String) -> Curve25519.Signing.PublicKey? {
        guard let raw = raw(multibase, prefix: publicPrefix) else { return nil }
        return try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
    }

    public static func privateKey(_ multibase: String) -> Curve25519.Signing.PrivateKey? {
        guard let raw = raw(multibase, prefix: privatePrefix) else { return nil }
        return try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    }

    private static func raw(_ multibase: String, prefix: [UInt8]) -> [UInt8]? {
        guard multibase.hasPrefix("z"), let bytes = Base58.decode(String(multibase.dropFirst())),
              bytes.count == prefix.count + 32, Array(bytes.prefix(prefix.count)) == prefix
        else { return nil }
        return Array(bytes.dropFirst(prefix.count))
    }
}
