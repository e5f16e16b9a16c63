import ArgumentParser
import CredenceApp
import CredenceCore
import CredenceStore

/// `credence verify CODE`: the public check of a result's code, as `/verify/{code}` answers
/// it, read as people type codes (spaces, case, hyphens, full-width characters).
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check a verification code, as the public page does. Exit 0 found, 1 not found or no longer active.")

    @Argument(help: "The code, e.g. TJ-CXB4J-N47CZ (spaces, lower case and missing hyphens are fine).") var code: String
    @OptionGroup var output: FormatOption

    func run() async throws {
        let (check, catalog, today) = try await withStore { store in
            (try await store.verifications.publicCheck(code: code), try await store.loadCatalog(), CalendarDate.today(at: store.clock()))
        }
        guard let check else { throw UserError(message: "No authentic result has the code \(Echo.quoted(code)).") }
        guard check.active else { throw UserError(message: PublicCheckPolicy.inactive.en) }
        let answer = PublicCheckDTO(check, catalog: catalog, today: today)
        try output.emit(answer) { answer.summary }
    }
}
