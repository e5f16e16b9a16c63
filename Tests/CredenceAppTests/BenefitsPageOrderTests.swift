import CredenceCore
import CredenceTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 43: the benefits page asks first — the questions that matter for the chosen
/// qualifications, then the answer — with English headings in English, and a benefit that
/// can never be more than conditional says why in one sentence.
@Suite struct BenefitsPageOrderTests {
    @Test func aPharmacistIsAskedWhatMattersThenAnswered() async throws {
        try await withOpenApp(.sqlite) { app in
            let page = try await app.client.execute(
                uri: "/benefits?qualification=uk-pharmacist&nationality=foreign&age=40&check=1", method: .get,
                headers: [.acceptLanguage: "en"]).text
            let form = try #require(page.range(of: "class=\"benefits-form\""))
            let answer = try #require(page.range(of: "id=\"result\""))
            #expect(form.lowerBound < answer.lowerBound, "the questions before the answer")
            let other = try #require(page.range(of: "Other questions (they do not change the result"))
            let title = try #require(page.range(of: "id=\"q-meetsTitleCriteria\""))
            let registration = try #require(page.range(of: "id=\"q-localPharmacistRegistration\""))
            #expect(other.lowerBound < title.lowerBound, "title questions, which cannot change a pharmacist's answer, are set aside")
            #expect(registration.lowerBound < other.lowerBound, "the registration question, which can, is asked")
            #expect(page.contains("<h3>2 (1) Practice") && !page.contains("<h3>二（一） Practice"))
            #expect(page.contains("Why it stays conditional: </strong>The notice says holders"))
            #expect(!page.contains("notice, 二"))
        }
    }

    /// The pack lists the answers its result rests on, each office once, and the pharmacists'
    /// registration office only for a pharmacist.
    @Test func thePackListsTheAnswersAndOnlyTheOfficesThatApply() async throws {
        try await withOpenApp(.sqlite) { app in
            func pack(_ query: String) async throws -> String {
                try await app.client.execute(uri: "/benefits/pack?\(query)", method: .get, headers: [.acceptLanguage: "en"]).text
            }
            let cfa = try await pack("qualification=cfa&nationality=foreign&age=40&workZone=binhai-cbd")
            #expect(cfa.contains("The answers this result rests on") && cfa.contains("<strong>40</strong>") && cfa.contains("Not answered: </strong>"))
            #expect(cfa.contains("Binhai New Area Central Business District Area") || cfa.contains("Binhai"))
            #expect(!cfa.contains("drug regulatory authority"), "no pharmacists' office for a CFA holder")
            let permitOffices = cfa.components(separatedBy: "https://fuwu.most.gov.cn/lhgzweb").count - 1
            #expect(permitOffices <= 2, "the work-permit office once (and the confirmation letter's), not once per benefit: \(permitOffices)")
            let pharmacist = try await pack("qualification=uk-pharmacist")
            #expect(pharmacist.contains("drug regulatory authority"))
        }
    }
}
