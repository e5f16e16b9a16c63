import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import Testing

/// A resubmission's corrections (issue 44): the draft's facts are written again from the
/// same column list a submission writes — the entry and its issuing body, the holder, the
/// passport sealed anew, the certificate's dates — and the search finds the new name only.
@Suite struct CorrectionsTests {
    @Test(arguments: TestDatabase.available)
    func aResubmissionWritesEveryCorrectedFact(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let store = app.store
            let employer = try await TestAccounts.employer("Acme", on: store)
            let officer = try await TestAccounts.staff(.officer, on: store).0
            let catalog = try await store.loadCatalog()
            let draft = VerificationDraft(entryId: "cfa", holderName: "Old Name", holderNationality: "GB", passportNumber: "P1111111",
                                          certificateNumber: "CFA-OLD", holderConsent: true)
            let id = try await store.verifications.submit(draft, by: employer, catalog: catalog).id
            var asked = VerificationActionInput()
            asked.items = [InfoItem(code: .certificateNumber, note: "As printed")]
            _ = try await store.verifications.act(.requestInfo, on: id, by: officer, asked, catalog: catalog)

            var corrected = VerificationDraft(entryId: "acca", holderName: "Renée Nouveau", holderNationality: "FR", holderDateOfBirth: "1990-02-03",
                                              passportNumber: "P2222222", certificateNumber: "ACCA-NEW", issuedOn: "2020-01-02",
                                              expiresOn: "2030-01-02", note: "Corrected", holderConsent: true)
            corrected.holderEmail = nil
            var answer = VerificationActionInput(corrections: corrected)
            answer.answers = [InfoAnswer(item: 1, note: "ACCA-NEW", attachmentId: nil)]
            _ = try await store.verifications.act(.resubmit, on: id, by: employer, answer, catalog: catalog)

            let shown = try await store.verifications.request(id, for: employer)
            #expect(shown.entryId == "acca" && shown.issuingBodyId != "cfa")
            #expect(shown.issuingBodyId == (try await store.verifications.issuingBodyRegistry()).body(for: "acca").id)
            #expect(shown.holderName == "Renée Nouveau" && shown.holderNationality == "FR" && shown.holderDateOfBirth == "1990-02-03")
            #expect(shown.passportNumber == "P2222222" && shown.passportMasked == Masking.document("P2222222"))
            #expect(shown.certificateNumber == "ACCA-NEW" && shown.issuedOn == "2020-01-02" && shown.expiresOn == "2030-01-02")
            #expect(shown.note == "Corrected" && shown.status == .submitted)
            #expect(try await store.verifications.list(for: employer, search: "Nouveau").requests.map(\.id) == [id])
            #expect(try await store.verifications.list(for: employer, search: "Old Name").requests.isEmpty)
        }
    }
}
