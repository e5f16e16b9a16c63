import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

/// `credence service-standards [rebuild]`: the published figures, and counting them again
/// from every completed request (after a year's holiday calendar was loaded late).
struct ServiceStandardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service-standards",
        abstract: "Print the published service standards (last 365 days); --rebuild counts them again from every completed request.")

    @Flag(help: "Count the figures again from every completed request and rating, by the holiday calendar as it now stands.")
    var rebuild = false

    func run() async throws {
        let rebuild = rebuild
        let standards = try await withStore { store in
            if rebuild {
                let counted = try await store.verifications.rebuildServiceStandards()
                print("counted \(counted) completed request\(counted == 1 ? "" : "s") again")
            }
            return try await store.verifications.serviceStandards()
        }
        print("\(standards.from) – \(standards.to)")
        for figures in [standards.overall] + standards.issuingBodies {
            let median = figures.medianWorkingDays.map { String(format: "%.1f", $0) } ?? "-"
            let onTime = figures.shareByEstimate.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
            print("\(figures.issuingBodyId ?? "overall")\tcompleted \(figures.completed)\tmedian \(median) working days"
                  + "\t(stated \(figures.statedTypicalDays.map(String.init) ?? "-"))\tby the estimate \(onTime)")
        }
    }
}
