import CredenceCore
import Crypto
import Foundation

/// The service's two keys: Ed25519 to sign receipts, AES-256 to seal passport numbers.
/// Given by environment (`CREDENCE_SIGNING_KEY`, `CREDENCE_DATA_KEY`: base64 of 32 bytes —
/// what several app instances must share), else read from the data folder, else made
/// there on first start (mode 0600). Never in the repository, never in the database.
public struct KeyRing: Sendable {
    public let signer: ReceiptSigner
    public let sealer: DataSealer

    public static func load(for configuration: StoreConfiguration,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> KeyRing {
        let folder = configuration.dataFolder(environment: environment)
        let signing = try key("CREDENCE_SIGNING_KEY", file: folder.appendingPathComponent("receipt-signing.key"), environment)
        let data = try key("CREDENCE_DATA_KEY", file: folder.appendingPathComponent("personal-data.key"), environment)
        return KeyRing(
            signer: ReceiptSigner(privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: signing)),
            sealer: DataSealer(key: SymmetricKey(data: data)))
    }

    private static func key(_ variable: String, file: URL, _ environment: [String: String]) throws -> Data {
        if let text = environment[variable] {
            guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32 else {
                throw KeyRingError.badKey(variable)
            }
            return data
        }
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32 else {
                throw KeyRingError.badKey(file.path)
            }
            return data
        }
        try StoreConfiguration.makePrivateFolder(file.deletingLastPathComponent())
        let data = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        guard FileManager.default.createFile(atPath: file.path, contents: Data((data.base64EncodedString() + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600])
        else { throw KeyRingError.cannotWrite(file.path) }
        return data
    }
}

public enum KeyRingError: Error, CustomStringConvertible {
    case badKey(String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .badKey(let source): "\(source) must hold the base64 of exactly 32 bytes."
        case .cannotWrite(let path): "Cannot create the key file \(path)."
        }
    }
}
