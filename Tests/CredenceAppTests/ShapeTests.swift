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
}
