import Foundation

/// An email address as accounts use it: trimmed and lower-cased, so one mailbox is one
/// account however it is typed. Checked for shape only; nothing is sent to it.
public enum EmailAddress {
    public static func normalized(_ text: String) -> String? {
        let email = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard email.count <= 254, !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else { return nil }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return nil }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else { return nil }
        return email
    }
}
