import CredenceApp
import CredenceCore
import CredenceStore
import Foundation

/// What `serve` says once it listens, in one block: the address, the data, where mail goes,
/// the public address (a warning when unset) and the operator — each with the variable
/// that changes it.
struct StartupReport {
    var address: String
    var configuration: AppConfiguration

    var lines: [String] {
        let issuer = configuration.issuer
        let data: String = switch configuration.store {
        case .sqlite(let path): "SQLite, \(URL(fileURLWithPath: path).standardizedFileURL.path)"
        case .postgres: "PostgreSQL, \(configuration.store) (files and keys in \(configuration.store.dataFolder().standardizedFileURL.path))"
        }
        let mail: String = if let smtp = configuration.smtp {
            "sent through \(smtp.host):\(smtp.port) as \(smtp.from)"
        } else {
            "no SMTP server (CREDENCE_SMTP_URL): each message is written to \(configuration.mailFolder.folder.standardizedFileURL.path)/ — administrators read them at /admin/mail"
        }
        let publicURL = !issuer.publicURLConfigured
            ? "\(issuer.publicURL) — WARNING: CREDENCE_PUBLIC_URL is not set; printed results, their QR codes and credentials point to this machine"
            : issuer.publicURL
        let operatorName = issuer.operatorConfigured
            ? "\(issuer.name.en) / \(issuer.name.zh)"
            : "not named (\(CredentialIssuer.nameVariables.joined(separator: ", "))): results say \"\(CredentialIssuer.defaultName.en)\" and speak for no government body"
        return [
            "Credence is listening on \(address)",
            "  data:       \(data)",
            "  mail:       \(mail)",
            "  public URL: \(publicURL)",
            "  operator:   \(operatorName)",
            "  staff:      officers and administrators are made with `credence users create` (docs/operations.md), then at /admin/users",
        ]
    }
}
