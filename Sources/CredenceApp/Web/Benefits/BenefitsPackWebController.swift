import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// `GET /benefits/pack?…`: the benefits answer for the same query, as a page to print,
/// with the verification result of `?code=` when that result is active.
struct BenefitsPackWebController {
    let state: CatalogState
    let store: Store
    let notice: Notice
    let translation: NoticeTranslation
    let issuer: CredentialIssuer

    func addRoutes(to routes: Routes) {
        routes.get("benefits/pack", .anyone, use: pack)
    }

    @Sendable func pack(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let page = PageContext(request, context)
        var form = BenefitsForm(request)
        let snapshot = state.current
        let edition = try snapshot.entries().edition
        guard !form.qualifications.isEmpty, let profile = form.profile(),
              let evaluation = try? snapshot.catalog.evaluateBenefits(profile, edition: edition.id) else {
            // The answer's own page names each field to correct; the pack needs a sound answer.
            let fact = ProfileFact.allCases.first { form.errors[$0] != nil } ?? .qualifications
            var error = APIError(status: .unprocessableContent, code: "invalid_field", message: BenefitsForm.message(fact).en, field: fact.rawValue)
            error.localized = BenefitsForm.message(fact)
            throw error
        }
        let today = CalendarDate.today(at: store.clock())
        let packPage = BenefitsPackPage(
            edition: edition, evaluation: evaluation, routes: state.routes.routes,
            clause: { translation.passage($0.noticeAnchor, of: notice) },
            verification: try await verification(request, context, today: today), today: today,
            answers: PackAnswers(profile: profile, zones: snapshot.catalog.zones, held: evaluation.qualifications.map(\.entry)))
        return Response.html(packPage.render(page))
    }

    /// The code's public check, as anyone may see it (the masked name at most), under the
    /// same per-address limit as `/verify`.
    private func verification(_ request: Request, _ context: AppRequestContext, today: CalendarDate) async throws -> PackVerification? {
        // The pack's GET form: form-encoded, as /verify's.
        let given = FormFields(query: request.uri.query ?? "")["code"].trimmingCharacters(in: .whitespaces)
        guard !given.isEmpty else { return nil }
        let code = String(given.prefix(40))
        guard let check = try await store.verifications.publicCheck(code: code, address: context.remoteAddress),
              check.active, check.revocation == nil else { return .notActive(code: code) }
        let url = issuer.verifyURL(code: check.code)
        guard let qr = try? QRCode(url).svg(title: url) else { return .notActive(code: code) }
        return .active(check, entryName: try? state.current.catalog.entry(check.entryId, edition: check.edition).name, url: url, qr: qr,
                       certificateNote: check.note(today: today) ?? CertificateStatus.noExpiryGiven.name)
    }
}
