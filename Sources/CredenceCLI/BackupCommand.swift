import ArgumentParser
import CredenceStore
import Foundation
import SQLKit

/// `credence backup FILE` and `credence restore FILE`: the whole database and its keys.
/// SQLite: an online, consistent copy (`VACUUM INTO`), the server may keep running; the two
/// key files are copied beside it. PostgreSQL: `pg_dump` (one consistent snapshot) and
/// `pg_restore`; its keys come from the environment, which is yours to keep.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Copy the database (and, for SQLite, its keys) to FILE.")
    @Argument(help: "Where to write the backup; must not exist.") var file: String

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: file) else { throw UserError(message: "\(file) exists; give a new file name.") }
        let configuration = StoreConfiguration.fromEnvironment()
        switch configuration {
        case .sqlite:
            try await withStore { store in
                guard let sql = store.database as? any SQLDatabase else { return }
                try await sql.raw("VACUUM INTO \(bind: file)").run()
            }
            for name in KeyFiles.names {
                let key = configuration.dataFolder().appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: key.path) {
                    try FileManager.default.copyItem(atPath: key.path, toPath: file + "." + name)
                    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file + "." + name)
                }
            }
            print("Backed up SQLite to \(file) (keys beside it: \(file).*.key — keep them as safe as the data).")
        case .postgres(let url):
            try PostgresTool.run("pg_dump", ["--format=custom", "--no-owner", "--file", file, "--dbname", url])
            print("Backed up PostgreSQL to \(file) (pg_dump, custom format). The keys are in your environment.")
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Replace the database with a backup. Stop the server first.")
    @Argument(help: "A file made by credence backup.") var file: String

    func run() async throws {
        guard FileManager.default.fileExists(atPath: file) else { throw UserError(message: "Cannot read \(file).") }
        let configuration = StoreConfiguration.fromEnvironment()
        switch configuration {
        case .sqlite(let path):
            let header = FileManager.default.contents(atPath: file)?.prefix(16)
            guard header == Data("SQLite format 3\u{0}".utf8) else { throw UserError(message: "\(file) is not a SQLite backup.") }
            let manager = FileManager.default
            if manager.fileExists(atPath: path) {
                let aside = path + ".before-restore-\(Int(Date().timeIntervalSince1970))"
                try manager.moveItem(atPath: path, toPath: aside)
                print("The database that was there is kept as \(aside).")
            }
            for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: path + suffix) }
            try manager.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(atPath: file, toPath: path)
            for name in KeyFiles.names where manager.fileExists(atPath: file + "." + name) {
                let key = configuration.dataFolder().appendingPathComponent(name).path
                try? manager.removeItem(atPath: key)
                try manager.copyItem(atPath: file + "." + name, toPath: key)
            }
            // Opening it runs any migrations the backup is behind on.
            try await withStore { _ in }
            print("Restored \(file) into \(path).")
        case .postgres(let url):
            try PostgresTool.run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", url, file])
            print("Restored \(file) into PostgreSQL.")
        }
    }
}

enum KeyFiles {
    static let names = ["receipt-signing.key", "personal-data.key"]
}

/// Runs a PostgreSQL client tool from PATH or the usual Debian place.
enum PostgresTool {
    static func run(_ tool: String, _ arguments: [String]) throws {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(tool)" }
            + (10...17).reversed().map { "/usr/lib/postgresql/\($0)/bin/\(tool)" }
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw UserError(message: "\(tool) is needed for a PostgreSQL backup; install the PostgreSQL client tools.")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw UserError(message: "\(tool) failed: \(message)") }
    }
}
