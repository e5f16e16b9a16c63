import CredenceCore
import CredenceStore
import Hummingbird

/// `GET /api/v1/benefit-routes` and `GET /api/v1/benefit-routes/{id}` (anyone), and
/// `PUT /api/v1/benefit-routes/{id}` (an administrator corrects a route with a source and the
/// day it was checked). A route's id is its benefit and position (`permit.age_limit.1`); the
/// correction also takes a benefit's id, with the position in its body (1 by default).
struct BenefitRoutesAPIController {
    let state: CatalogState
    let store: Store

    func addRoutes(to routes: Routes) {
        routes.get("benefit-routes", .anyone, use: list)
        routes.get("benefit-routes/:id", .anyone, use: route)
        routes.on(.put, "benefit-routes/:id", .signedIn([.admin]), use: correct)
    }

    @Sendable func list(_ request: Request, _ context: AppRequestContext) throws -> Response {
        try state.cachedJSON("benefit-routes") { _ in BenefitRouteListDTO(routes: state.routes.routes.all.map(BenefitRouteDTO.init)) }
    }

    @Sendable func route(_ request: Request, _ context: AppRequestContext) throws -> BenefitRouteDTO {
        let id = try context.parameters.require("id")
        guard let route = state.routes.routes.route(id: id) else {
            throw APIError.notFound("No route \(Echo.quoted(id)): a route's id is its benefit and position, such as permit.age_limit.1 (GET /api/v1/benefit-routes).")
        }
        return BenefitRouteDTO(route: route)
    }

    /// `{"position"?, "office"?, "service"?, "url"?, "documents"?, "notes"?, "source", "checkedOn"}`:
    /// a field left out keeps what the route has; null clears it.
    @Sendable func correct(_ request: Request, _ context: AppRequestContext) async throws -> BenefitRouteListDTO {
        let name = try context.parameters.require("id")
        let named = state.routes.routes.route(id: name)
        guard let benefit = named?.benefit ?? Benefit(rawValue: name) else {
            throw APIError(status: .notFound, code: "not_found", message: "No route or benefit \(Echo.quoted(name)). See GET /api/v1/benefit-routes.")
        }
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: BenefitRouteFields.accepted)
        // A position and the documents are left out or given, never null (null clears only
        // what may be unknown); an address naming a route names its position.
        for (field, accepted) in [("position", "1 or 2"), ("documents", "a list, [] for none")] where body.fields[field] == .null {
            throw body.invalid(field, "\(field) may be left out, not null: \(accepted).")
        }
        let given = try body.wholeNumber("position")
        if let named, let given, given != named.position {
            throw body.invalid("position", "position must be \(named.position) or left out: the address names the route \(named.id).")
        }
        let position = given ?? named?.position ?? 1
        let routes = state.routes.routes.routes(for: benefit)
        guard let current = routes.first(where: { $0.position == position }) else {
            throw body.invalid("position", "position must be one of \(routes.map { String($0.position) }.joined(separator: ", ")) for \(name).")
        }
        let correction = try BenefitRouteFields(body: body).correction(of: current)
        let corrected = try await store.benefitRoutes.correct(benefit, position: position, to: correction, by: try context.requireActor().account)
        try await state.reload(from: store)
        return BenefitRouteListDTO(routes: [BenefitRouteDTO(route: corrected)])
    }
}

/// A correction's fields as JSON: each bilingual text an object `{zh, en}` or null.
struct BenefitRouteFields {
    static let accepted = ["position", "office", "service", "url", "documents", "notes", "source", "checkedOn"]
    let body: JSONObject

    func correction(of current: BenefitRoute) throws -> BenefitRouteCorrection {
        var checkedOn: CalendarDate?
        if let text = try body.string("checkedOn") {
            guard let day = CalendarDate(text) else { throw body.invalid("checkedOn", "checkedOn must be the day the route was checked, YYYY-MM-DD; got '\(text)'.") }
            checkedOn = day
        }
        let documents = body.fields["documents"] == nil ? current.documents : try body.objects("documents", accepting: ["zh", "en"]).map(Self.bilingual)
        return BenefitRouteCorrection(
            office: try text("office", current.office), service: try text("service", current.service),
            url: body.fields["url"] == nil ? current.url : try body.string("url"), documents: documents,
            notes: try text("notes", current.notes),
            source: try body.requiredString("source", "the http(s) address of the page the route was checked on"), checkedOn: checkedOn)
    }

    /// Left out: what the route has; null: nothing known.
    private func text(_ name: String, _ current: BilingualText?) throws -> BilingualText? {
        guard body.fields[name] != nil else { return current }
        guard body.value(name) != nil else { return nil }
        return try Self.bilingual(try body.object(name, accepting: ["zh", "en"]))
    }

    private static func bilingual(_ object: JSONObject) throws -> BilingualText {
        BilingualText(zh: try object.requiredString("zh", "the Chinese text"), en: try object.requiredString("en", "the English text"))
    }
}
