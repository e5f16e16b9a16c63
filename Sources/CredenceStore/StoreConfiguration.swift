import Foundation

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
