import CredenceCore
import Testing

/// Issue 44: an action's input is read by one declaration, whatever the reader.
@Suite struct ActionInputTests {
    /// A source of plain text values, as a form or a sheet row gives them.
    struct Values: FieldSource {
        var values: [String: String]
        func text(_ field: CommandField) -> String? { values[field.name] }
        func flag(_ field: CommandField) -> Bool? { values[field.name].map { $0 == "true" } }
    }

    @Test func eachActionReadsItsFields() throws {
        let completed = try VerificationActionInput(.complete, from: Values(values: ["outcome": "authentic", "note": ""]))
        #expect(completed.outcome == .authentic && completed.note == nil, "an empty note is no note")
        let rejected = try VerificationActionInput(.reject, from: Values(values: ["reason": "not_in_catalog", "note": "No such entry"]))
        #expect(rejected.reason == .notInCatalog && rejected.note == "No such entry")
        let revoked = try VerificationActionInput(.revoke, from: Values(values: ["reason": RevocationReason.byOfficer[0].rawValue]))
        #expect(revoked.revocationReason == RevocationReason.byOfficer[0] && revoked.reason == nil)
        let review = try VerificationActionInput(.review, from: Values(values: ["reason": "The date is wrong"]))
        #expect(review.reviewReason == "The date is wrong")
        let decided = try VerificationActionInput(.reviewDecision, from: Values(values: ["decision": "changed", "outcome": "not_authentic"]))
        #expect(decided.decision == .changed && decided.outcome == .notAuthentic)
    }

    @Test func aChoiceOutsideItsValuesIsRefusedNamingTheField() {
        #expect(throws: VerificationError.self) { try VerificationActionInput(.complete, from: Values(values: ["outcome": "genuine"])) }
        do {
            _ = try VerificationActionInput(.complete, from: Values(values: ["outcome": "genuine"]))
        } catch VerificationError.invalid(let problems) {
            #expect(problems.first?.field == "outcome")
            #expect(problems.first?.message.en == "Outcome must be one of authentic, not_authentic, unable_to_verify; got 'genuine'.")
        } catch {
            Issue.record("\(error)")
        }
    }
}
