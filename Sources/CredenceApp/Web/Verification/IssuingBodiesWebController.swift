import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// `/admin/issuing-bodies`: the channel registry as administrators see it, confirm and correct.
struct IssuingBodiesWebController {
    let store: Store
    let state: CatalogState

    func addRoutes(to routes: Routes) {
        routes.get("admin/issuing-bodies", .signedIn([.admin]), use: issuingBodies)
        routes.post("admin/issuing-bodies/:body", .signedIn([.admin]), use: updateChannel)
    }

    @Sendable func issuingBodies(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        Response.html(try await registryPage().render(PageContext(request, context)))
    }

    /// An administrator confirms or corrects a channel; a refused form comes back as typed.
    @Sendable func updateChannel(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        var request = request
        let form = try await FormFields.read(&request)
        let id = try context.parameters.require("body")
        var done: BilingualText?
        var refused: (error: BilingualText?, fields: FormFields)?
        do {
            let correction = ChannelCorrection(
                kind: ChannelKind(rawValue: form["kind"]) ?? .noneFound, url: form["url"].isEmpty ? nil : form["url"],
                inputs: form["inputs"].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                typicalWorkingDays: Int(form["typicalWorkingDays"].trimmingCharacters(in: .whitespaces)) ?? 0,
                workingDaysBasis: WorkingDaysBasis(rawValue: form["workingDaysBasis"]),
                turnaround: .some(form["turnaround"].trimmingCharacters(in: .whitespaces).isEmpty ? nil : form["turnaround"]),
                source: form["source"])
            let checkedOn = form["checkedOn"].isEmpty ? nil : CalendarDate(form["checkedOn"])
            if !form["checkedOn"].isEmpty, checkedOn == nil {
                throw VerificationError.invalid([InputError("checkedOn", zh: "核实日期格式为 YYYY-MM-DD。", en: "Checked on must be a date, YYYY-MM-DD.")])
            }
            let body = try await store.verifications.updateChannel(of: id, to: correction, checkedOn: checkedOn, by: try context.requireActor().account)
            try await state.reload(from: store)
            done = BilingualText(zh: "已确认并保存：\(body.name.zh)。", en: "Confirmed and saved: \(body.name.en).")
        } catch VerificationError.invalid(let problems) {
            refused = (problems.first?.message, form)
        }
        var page = try await registryPage()
        page.done = done
        page.error = refused?.error
        page.draft = refused.map { (id, $0.fields) }
        return Response.html(page.render(PageContext(request, context)), status: refused == nil ? .ok : .unprocessableContent)
    }

    private func registryPage() async throws -> IssuingBodiesPage {
        IssuingBodiesPage(bodies: try await state.registry(from: store).bodies,
                          measured: try await store.verifications.serviceStandards().issuingBodies)
    }
}
