import CredenceCore
import FuzzSupport

/// What people type or send that is read as an identifier: a verification code, a client's
/// address (its network, for the demand log), a holder's link token (looked up by its digest).
func fuzz(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    if let code = VerificationCode.parse(text) {
        Replay.require(code.count == 14 && code.hasPrefix("TJ-"), "not a code: \(code)")
        Replay.require(VerificationCode.parse(code) == code, "a code read twice changes: \(code)")
    }
    Replay.require(SecretToken.digest(text).count == 64, "a digest that is not SHA-256 hex")
    if let network = NetworkPrefix.of(text) {
        Replay.require(NetworkPrefix.of(String(network.prefix { $0 != "/" })) == network, "a network is not its own network: \(network)")
    }
}

@main enum Main {
    static func main() { Replay.run(fuzz) }
}
