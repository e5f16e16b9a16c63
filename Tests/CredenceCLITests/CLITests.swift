import CredenceStore
import CredenceTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// The `credence` binary, run as a user runs it, on the database the server would use.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built `credence` executable, beside the test bundle.
    static let executable: URL = {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle(for: Marker.self).bundleURL.deletingLastPathComponent(),
        ].compactMap { $0 }
        for directory in candidates {
            var url = directory
            for _ in 0..<4 {
                let binary = url.appendingPathComponent("credence")
                if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
                url.deleteLastPathComponent()
            }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/credence")
    }()

    final class Marker {}

    static func run(_ arguments: [String], store: CredenceStoreEnvironment, input: String? = nil) throws -> Run {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DATABASE_URL")
        environment.merge(store.variables) { $1 }
        ChildProcess.starting.lock()
        let stdin = ChildProcess.pipe(), out = ChildProcess.pipe(), err = ChildProcess.pipe()
        let started = Result { try ChildProcess(executable.path, arguments, environment: environment, stdin: stdin.read, stdout: out.write, stderr: err.write) }
        [stdin.read, out.write, err.write].forEach { _ = close($0) }
        ChildProcess.starting.unlock()
        let child: ChildProcess
        do {
            child = try started.get()
        } catch {
            [stdin.write, out.read, err.read].forEach { _ = close($0) }
            throw error
        }
        if let input { _ = Array(input.utf8).withUnsafeBytes { write(stdin.write, $0.baseAddress, $0.count) } }
        close(stdin.write)
        // Both outputs read at once, so a child filling one pipe never waits on the other.
        let stderrRead = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var stderr = Data()
        Thread { stderr = ChildProcess.readAll(err.read); stderrRead.signal() }.start()
        let stdout = ChildProcess.readAll(out.read)
        stderrRead.wait()
        return Run(status: child.wait(), stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test(arguments: TestDatabase.available)
    func catalogCommandsAnswerAsTheAPIDoes(database: TestDatabase) async throws {
        try await database.withFreshStore { configuration in
            let store = CredenceStoreEnvironment(configuration)
            // MUT: the table a person reads
            let list = try Self.run(["catalog", "list", "--field", "healthcare"], store: store)
            #expect(list.status == 0)
            #expect(list.stdout.contains("uk-pharmacist") && list.stdout.contains("3 entries in tianjin-2023"))
            let search = try Self.run(["catalog", "search", "CKA"], store: store)
            #expect(search.stdout.split(separator: "\n").dropFirst().first?.contains(" cka ") == true)

            // json prints exactly what the API returns
            let show = try Self.run(["catalog", "show", "cfa", "--format", "json"], store: store)
            let found = try Self.run(["catalog", "search", "精算师", "--limit", "4", "--format", "json"], store: store)
            let listed = try Self.run(["catalog", "list", "--format", "json"], store: store)
            let app = try await liveAPI(configuration, ["/api/v1/entries/cfa",
                                                        "/api/v1/search?q=%E7%B2%BE%E7%AE%97%E5%B8%88&limit=4",
                                                        "/api/v1/entries"])
            #expect(show.stdout == app[0] + "\n")
            #expect(found.stdout == app[1] + "\n")
            #expect(listed.stdout == app[2] + "\n")
        }
    }

    @Test func userErrorsExitOneWithAMessage() async throws {
        try await TestDatabase.sqlite.withFreshStore { configuration in
            let store = CredenceStoreEnvironment(configuration)
            let cases: [([String], String)] = [
                (["catalog", "show", "nope"], "No entry 'nope'"),
                (["catalog", "list", "--edition", "tianjin-1999"], "No edition 'tianjin-1999'"),
                (["catalog", "list", "--field", "cooking"], "--field must be one of"),
                (["catalog", "search", "cfa", "--limit", "0"], "--limit must be from 1 to 100"),
                (["catalog", "search", "cfa", "--limit", "many"], "many"),
                (["catalog", "list", "--format", "xml"], "xml"),
                (["serve", "--port", "70000"], "--port must be from 1 to 65535"),
                (["frobnicate"], "frobnicate"),
            ]
            for (arguments, message) in cases {
                let run = try Self.run(arguments, store: store)
                #expect(run.status == 1, "\(arguments)")
                #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
                #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"))
            }
            let help = try Self.run(["--help"], store: store)
            #expect(help.status == 0)
            #expect(help.stdout.contains("serve") && help.stdout.contains("catalog"))
        }
    }

    @Test func aBadDatabaseURLIsAMessageNotACrash() throws {
        let run = try Self.run(["catalog", "list"], store: .init(variables: ["DATABASE_URL": "mysql://nowhere"]))
        #expect(run.status == 1)
        #expect(run.stderr.contains("DATABASE_URL"))
    }

    /// The API's answers for `paths`, from a server on the same database.
    func liveAPI(_ configuration: StoreConfiguration, _ paths: [String]) async throws -> [String] {
        try await withLiveApp(on: configuration) { client in
            var bodies: [String] = []
            for path in paths { bodies.append(try await client.execute(uri: path, method: .get).text) }
            return bodies
        }
    }
}
