import Foundation
import CredenceCore

/// Which database Credence keeps its data in.
public enum StoreConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// The embedded default: one SQLite file.
    case sqlite(path: String)
    /// `DATABASE_URL`: `postgres://user:pass@host:port/db`.
    case postgres(url: String)

    public static let defaultDataDirectory = "credence-data"
    public static let sqliteFileName = "credence.sqlite"

    /// `DATABASE_URL` when set; otherwise SQLite in `$CREDENCE_DATA_DIR`, else `./credence-data/`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> StoreConfiguration
    {
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            return .postgres(url: url)
        }
        let directory = environment["CREDENCE_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultDataDirectory
        return .sqlite(path: URL(fileURLWithPath: directory).appendingPathComponent(sqliteFileName).path)
    }

    /// The folder for files beside the database (the keys): the SQLite file's folder, or for
    /// PostgreSQL `$CREDENCE_DATA_DIR`, else `./credence-data/`.
    public func dataFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        switch self {
        case .sqlite(let path):
            return URL(fileURLWithPath: path).deletingLastPathComponent()
        case .postgres:
            return URL(fileURLWithPath: environment["CREDENCE_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultDataDirectory)
        }
    }

    /// Makes a folder that only this user can read (0700) — the data folder holds the keys,
    /// the SQLite file, sealed secrets and attachments — and tightens one made earlier.
    public static func makePrivateFolder(_ folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
    }

    /// The SQLite file and its companions, created (or tightened) 0600 before SQLite opens
    /// them: SQLite gives its -wal and -shm files the database file's mode.
    func makePrivateDatabaseFiles() throws {
        guard case .sqlite(let path) = self else { return }
        try Self.makePrivateFolder(URL(fileURLWithPath: path).deletingLastPathComponent())
        if !FileManager.default.fileExists(atPath: path),
           !FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
    }

    /// Says where the data is without showing a password.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "SQLite at \(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "PostgreSQL" }
            if components.password != nil { components.password = "***" }
            return "PostgreSQL at \(components.string ?? "?")"
        }
    }
}

/// How much one account may keep: `CREDENCE_ATTACHMENT_QUOTA_MIB` (default 1024) is the
/// most attachment bytes one employer may store, across all its requests.
/// `CREDENCE_REVIEW_DAYS` (default 30) is how long after a result its review may be asked.
public struct StoreLimits: Sendable, Equatable {
    public var attachmentQuotaBytes: Int
    public var review: ReviewPolicy
    /// `CREDENCE_PUBLIC_CHECK_DAYS` (default 365): how long a code's public check answers.
    public var publicCheck: PublicCheckPolicy
    /// `CREDENCE_REVIEW_INTERVAL_DAYS` (default 365): when a published edition's review falls due.
    public var reviewInterval: ReviewInterval

    public init(attachmentQuotaBytes: Int = 1024 * 1024 * 1024, review: ReviewPolicy = ReviewPolicy(),
                publicCheck: PublicCheckPolicy = PublicCheckPolicy(), reviewInterval: ReviewInterval = ReviewInterval()) {
        self.attachmentQuotaBytes = attachmentQuotaBytes
        self.review = review
        self.publicCheck = publicCheck
        self.reviewInterval = reviewInterval
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> StoreLimits {
        var limits = StoreLimits()
        if let text = environment["CREDENCE_ATTACHMENT_QUOTA_MIB"], let mebibytes = Int(text), mebibytes >= 0 {
            limits.attachmentQuotaBytes = mebibytes * 1024 * 1024
        }
        // `serve` refuses a bad value at start (ReviewPolicy.fromEnvironment); here it cannot come.
        limits.review = (try? ReviewPolicy.fromEnvironment(environment)) ?? ReviewPolicy()
        limits.publicCheck = (try? PublicCheckPolicy.fromEnvironment(environment)) ?? PublicCheckPolicy()
        limits.reviewInterval = (try? ReviewInterval.fromEnvironment(environment)) ?? ReviewInterval()
        return limits
    }
}
