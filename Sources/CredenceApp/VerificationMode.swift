import CredenceCore
import Foundation

/// Whether this installation takes verification requests itself (`local`, annex 2's
/// procedure run here) or only sends employers to the notice's platform (`external`: an
/// operator who runs Credence for the catalog and benefits alone). `CREDENCE_VERIFICATION`.
public enum VerificationMode: String, Sendable {
    case local
    case external

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(InvalidInput) -> VerificationMode {
        let text = environment["CREDENCE_VERIFICATION"]?.trimmingCharacters(in: .whitespaces) ?? ""
        if text.isEmpty { return .local }
        guard let mode = VerificationMode(rawValue: text) else {
            throw InvalidInput(problems: [InputError(
                "CREDENCE_VERIFICATION", zh: "CREDENCE_VERIFICATION 须为 local 或 external。",
                en: "CREDENCE_VERIFICATION must be local or external; got '\(text.prefix(40))'.")])
        }
        return mode
    }
}

/// What the pages say of this installation: who operates it (`CREDENCE_AUTHORITY_NAME_…`),
/// whether it takes verification requests itself, where it says it is reached and where
/// its mail goes (`/about`).
struct Installation: Sendable {
    /// Who operates it and where it is reached, as the results it signs say.
    var issuer: CredentialIssuer
    var verification: VerificationMode
    /// The folder mail is written to when no SMTP server is configured; nil with SMTP.
    var mailFolder: String? = nil
}
