import Foundation

/// The default install's mail: each message written as a standard RFC 5322 `.eml` file in
/// one folder under the data folder (0700; each file 0600: invitations carry a holder's
/// link), named so that names sort by time. Written whole or not at all (a temporary file,
/// then a rename), so a reader never sees half a message.
public struct MailFolder: MailTransport {
    public let folder: URL
    public let from: String

    /// Used when `CREDENCE_MAIL_FROM` is not set; `.invalid` is reserved (RFC 2606), so a
    /// copy forwarded by hand never suggests a mailbox that answers.
    public static let defaultFrom = "credence@credence.invalid"
    /// A listed file's name: `20261206T034417Z-<uuid>.eml`.
    public static let namePattern = #"^[0-9]{8}T[0-9]{6}Z-[0-9a-f-]{36}\.eml$"#
    /// No message Credence writes comes near it; a file beyond it is not read.
    public static let maxFileBytes = 1 << 20

    public init(folder: URL, from: String? = nil) {
        self.folder = folder
        self.from = from.flatMap { MailMessage.isAddress($0) ? $0 : nil } ?? Self.defaultFrom
    }

    public func send(_ message: MailMessage) async throws {
        try Self.makePrivate(folder)
        let name = Self.stamp.string(from: message.date) + "-" + Self.fileID(message) + ".eml"
        let temporary = folder.appendingPathComponent("." + name + ".part")
        let bytes = Data(message.file.utf8)
        guard FileManager.default.createFile(atPath: temporary.path, contents: bytes, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        let target = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }  // a resend of the same message
        try FileManager.default.moveItem(at: temporary, to: target)
    }

    /// One file per message: the message's own id (a UUID before the `@`).
    static func fileID(_ message: MailMessage) -> String {
        let local = message.messageID.split(separator: "@").first.map(String.init) ?? ""
        return UUID(uuidString: local)?.uuidString.lowercased() ?? UUID().uuidString.lowercased()
    }

    /// The files, newest first (at most `limit`), with their sizes.
    public func list(limit: Int = 200) throws -> [(name: String, size: Int)] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.range(of: Self.namePattern, options: .regularExpression) != nil }
            .sorted(by: >).prefix(limit)
        return names.map { name in
            let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            return (name, size ?? 0)
        }
    }

    /// One file's bytes, or nil when the name is not one this folder writes or no such file is there.
    public func read(_ name: String) throws -> Data? {
        guard name.range(of: Self.namePattern, options: .regularExpression) != nil else { return nil }
        let url = folder.appendingPathComponent(name)
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        return try handle.read(upToCount: Self.maxFileBytes) ?? Data()
    }

    /// Removes files written before `date` (the retention period's end); returns how many.
    @discardableResult
    public func purge(before date: Date) throws -> Int {
        let cutoff = Self.stamp.string(from: date)
        var removed = 0
        for (name, _) in try list(limit: .max) where name < cutoff {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            removed += 1
        }
        return removed
    }

    static func makePrivate(_ folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    static let stamp: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter
    }()
}
