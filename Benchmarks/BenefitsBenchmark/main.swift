// Benefits evaluations per second on one core: the engine alone (qualifications already
// resolved) and the whole call the API makes (validation, lookup in the catalog, engine).
// Prints numbers; asserts nothing. Run: swift run -c release credence-benefits-bench
import CredenceCore
import Foundation

let bundled = try BundledData.tianjin2023()
let catalog = Catalog(editions: [bundled.edition], entries: bundled.entries, zones: try BundledData.zones())
let edition = bundled.edition.id

/// The worked example of benefits-rules.md: one qualification, most facts known.
let typical = BenefitProfile(
    qualifications: ["cka"], nationality: .foreign, age: 68, highTechIndustry: true, relevantExperienceYears: 3,
    workRelatedTo: ["cka"], workZone: .zone(catalog.zones[0].id))
/// Several qualifications (one needing two years, two with title levels), few facts known.
let several = BenefitProfile(qualifications: ["cfa", "acca", "ieee-fellow", "uk-pharmacist"], age: 67)
let cases: [(String, BenefitProfile)] = [("typical (1 qualification)", typical), ("4 qualifications, facts unknown", several)]

func measure(_ label: String, iterations: Int, _ body: () throws -> BenefitEvaluation) rethrows {
    var checksum = 0
    for _ in 0..<1_000 { checksum &+= try body().benefits.count }  // warm up
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
        for _ in 0..<iterations { checksum &+= try body().benefits.count }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let perSecond = Double(iterations) / seconds
    let nanos = seconds / Double(iterations) * 1e9
    print(String(format: "%-48@ %12.0f evaluations/s  %8.0f ns each", label as NSString, perSecond, nanos),
          checksum == 0 ? "" : "")
}

print("Benefits engine, one thread, \(ProcessInfo.processInfo.activeProcessorCount) cores on the machine")
for (label, profile) in cases {
    let entries = try profile.qualifications.map { try catalog.entry($0, edition: edition) }
    measure("engine, \(label)", iterations: 2_000_000) {
        BenefitsEngine.evaluate(profile, holding: entries, edition: edition)
    }
    try measure("validate + resolve + engine, \(label)", iterations: 2_000_000) {
        try catalog.evaluateBenefits(profile)
    }
}
