import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// `/admin/benefit-routes`: where each benefit is claimed, as administrators read and
/// correct it, each correction naming its source and the day it was checked.
struct BenefitRoutesWebController {
    let store: Store
    let state: CatalogState

    func addRoutes(to routes: Routes) {
        routes.get("admin/benefit-routes", .signedIn([.admin]), use: list)
        routes.post("admin/benefit-routes/:benefit/:position", .signedIn([.admin]), use: correct)
    }

    @Sendable func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let page = BenefitRoutesPage(routes: state.routes.routes, today: .today(at: store.clock()))
        return Response.html(page.render(PageContext(request, context)))
    }

    /// A refused form comes back as typed, every problem named.
    @Sendable func correct(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        let name = try context.parameters.require("benefit")
        guard let benefit = Benefit(rawValue: name), let position = Int(try context.parameters.require("position")) else {
            throw APIError.notFound("No benefit '\(name)'.")
        }
        var page = BenefitRoutesPage(routes: state.routes.routes, today: .today(at: store.clock()))
        do {
            let route = try await store.benefitRoutes.correct(benefit, position: position, to: Self.correction(form),
                                                              by: try context.requireActor().account)
            try await state.reload(from: store)
            page.routes = state.routes.routes
            page.done = BilingualText(zh: "已保存：\(route.benefit.title.zh)。", en: "Saved: \(route.benefit.title.en).")
        } catch VerificationError.invalid(let problems) {
            page.problems = problems
            page.draft = (BenefitRouteRecordKey(benefit: benefit, position: position), form)
        }
        return Response.html(page.render(PageContext(request, context)), status: page.problems.isEmpty ? .ok : .unprocessableContent)
    }

    /// The form's fields: a text pair left empty is "not known"; documents one per line, `中文 | English`.
    static func correction(_ form: FormFields) -> BenefitRouteCorrection {
        func text(_ name: String) -> BilingualText? {
            let zh = form["\(name).zh"].trimmingCharacters(in: .whitespacesAndNewlines)
            let en = form["\(name).en"].trimmingCharacters(in: .whitespacesAndNewlines)
            return zh.isEmpty && en.isEmpty ? nil : BilingualText(zh: zh, en: en)
        }
        let documents = form["documents"].split(whereSeparator: \.isNewline).compactMap { line -> BilingualText? in
            let halves = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if halves.allSatisfy(\.isEmpty) { return nil }
            return BilingualText(zh: halves[0], en: halves.count > 1 ? halves[1] : "")
        }
        let url = form["url"].trimmingCharacters(in: .whitespaces)
        return BenefitRouteCorrection(office: text("office"), service: text("service"), url: url.isEmpty ? nil : url, documents: documents,
                                      notes: text("notes"), source: form["source"].trimmingCharacters(in: .whitespaces),
                                      checkedOn: CalendarDate(form["checkedOn"].trimmingCharacters(in: .whitespaces)))
    }
}

/// Which route a refused form was for.
struct BenefitRouteRecordKey: Equatable {
    var benefit: Benefit
    var position: Int
}
