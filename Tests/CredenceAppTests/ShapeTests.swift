import CredenceStore
import Foundation
import Testing

/// Issue 36: the shape docs/architecture.md promises — no source file over 300 lines, and a
/// page file (…Page.swift, …Pages.swift, …Parts.swift under Web) holds views that import the
/// core, never the store.
@Suite struct ShapeTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    static func swiftFiles() -> [URL] {
        let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
    }

    @Test func noSourceFileIsOverThreeHundredLines() throws {
        let files = Self.swiftFiles()
        #expect(files.count > 100)
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count - 1
            #expect(lines <= 300, "\(file.path): \(lines) lines")
        }
    }

    @Test func pageFilesImportTheCoreNotTheStore() throws {
        let pages = Self.swiftFiles().filter { file in
            file.path.contains("/CredenceApp/Web/") && ["Page.swift", "Pages.swift", "Parts.swift"].contains { file.lastPathComponent.hasSuffix($0) }
        }
        #expect(pages.count > 20)
        for file in pages {
            #expect(!(try String(contentsOf: file, encoding: .utf8)).contains("import CredenceStore"), "\(file.lastPathComponent)")
        }
    }

    static func text(_ file: URL) throws -> String { try String(contentsOf: file, encoding: .utf8) }

    /// Issue 44: the core and the store import no web framework (the store is given its
    /// password hasher as a value; bcrypt lives in the app).
    @Test func theCoreAndTheStoreImportNoWebFramework() throws {
        let lower = Self.swiftFiles().filter { $0.path.contains("/CredenceCore/") || $0.path.contains("/CredenceStore/") }
        #expect(lower.count > 100)
        for file in lower {
            #expect(!(try Self.text(file)).contains("import Hummingbird"), "\(file.lastPathComponent)")
        }
    }

    /// Issue 44: one home per table. Each migration in a file of its own under Migrations/,
    /// named `NN_TypeName.swift`; the files' order is the order they run in.
    @Test func eachMigrationIsAFileAndTheFilesAreInTheOrderTheyRun() throws {
        let folder = Self.sources.appendingPathComponent("CredenceStore/Migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "CredenceMigrations.swift" }.sorted()
        let named = files.map { String($0.dropLast(".swift".count).split(separator: "_", maxSplits: 1).last ?? "") }
        #expect(named == CredenceMigrations.all.map { String(describing: type(of: $0)) })
        for (index, file) in files.enumerated() {
            #expect(file.hasPrefix(String(format: "%02d_", index + 1)), "\(file)")
            let declared = try Self.text(folder.appendingPathComponent(file)).components(separatedBy: ": AsyncMigration").count - 1
            #expect(declared == 1, "\(file) declares \(declared) migrations")
        }
        let elsewhere = Self.swiftFiles().filter { !$0.path.contains("/CredenceStore/Migrations/") }
        for file in elsewhere { #expect(!(try Self.text(file)).contains(": AsyncMigration"), "\(file.lastPathComponent)") }
    }

    /// Each Fluent model in Records/.
    @Test func everyModelIsInRecords() throws {
        for file in Self.swiftFiles() where (try Self.text(file)).contains(": Model, @unchecked Sendable") {
            #expect(file.path.contains("/CredenceStore/Records/"), "\(file.lastPathComponent)")
        }
    }

    /// The store saves what the core's workflow decided: its verification files take no
    /// status step, judge no role, compute no due date, validate no input of their own.
    @Test func theStoresVerificationFilesDecideNothing() throws {
        let files = Self.swiftFiles().filter { $0.path.contains("/CredenceStore/Verification/") }
        #expect(files.count > 10)
        for file in files {
            let text = try Self.text(file)
            for decision in ["VerificationWorkflow.next(", ".isTaken(", "calendar.adding(", ".validated(", "review.check(", "validatedAnswers("] {
                #expect(!text.contains(decision), "\(file.lastPathComponent) decides: \(decision)")
            }
        }
    }

    /// No controller calls another: what two share is a named service (`RequestListQuery`,
    /// `VerificationRouting`, `EditionReading`, `SiteURL`).
    @Test func noControllerCallsAnother() throws {
        let controllers = Self.swiftFiles().filter { $0.lastPathComponent.contains("Controller") }
        #expect(controllers.count > 20)
        for file in controllers {
            let text = try Self.text(file)
            #expect(text.range(of: #"\b\w+(API|Web)Controller\.\w+\("#, options: .regularExpression) == nil, "\(file.lastPathComponent)")
        }
    }
}
